FROM node:20 AS build
RUN apt-get update && apt-get install -y python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm cache clean --force

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
