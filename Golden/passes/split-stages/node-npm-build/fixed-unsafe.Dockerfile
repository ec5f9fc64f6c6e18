FROM node:20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
ENV NODE_ENV=production

FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
EXPOSE 3000
COPY --from=build /app/package*.json /app/
RUN npm ci --omit=dev && \
    npm cache clean --force
COPY --from=build /app/dist /app/dist
USER node
CMD ["node", "dist/server.js"]
