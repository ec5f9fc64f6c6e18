FROM node:20
WORKDIR /app
COPY . .
RUN (export NODE_OPTIONS=--max-old-space-size=4096 && npm run build) && \
    npm prune --omit=dev
