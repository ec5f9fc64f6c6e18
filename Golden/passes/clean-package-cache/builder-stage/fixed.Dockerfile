FROM node:20 AS build
RUN apt-get update && apt-get install -y python3 make g++
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
