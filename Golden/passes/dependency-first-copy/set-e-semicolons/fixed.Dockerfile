FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN set -eux; \
    npm ci
COPY . .
RUN set -eux; \
    npm run build
