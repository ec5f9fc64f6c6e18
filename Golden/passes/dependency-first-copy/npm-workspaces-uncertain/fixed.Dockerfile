FROM node:20-slim
WORKDIR /repo
COPY . .
RUN npm ci
