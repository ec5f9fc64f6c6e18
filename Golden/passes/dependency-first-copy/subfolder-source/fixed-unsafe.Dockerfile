FROM node:20-alpine AS web
COPY frontend/package.json frontend/package-lock.json /app/
WORKDIR /app
RUN npm ci
COPY frontend/ /app/
RUN npm run build
