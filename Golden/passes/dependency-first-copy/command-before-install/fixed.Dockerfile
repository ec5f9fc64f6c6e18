FROM node:20
WORKDIR /app
COPY . .
RUN ./scripts/prepare.sh && npm ci
