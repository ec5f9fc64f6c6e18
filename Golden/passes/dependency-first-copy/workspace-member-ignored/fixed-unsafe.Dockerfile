FROM node:20-slim
WORKDIR /repo
COPY package.json package-lock.json ./
COPY packages/api/package.json packages/api/
RUN npm ci
COPY . .
