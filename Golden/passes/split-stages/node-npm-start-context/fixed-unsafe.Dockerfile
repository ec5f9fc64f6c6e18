FROM node:20-alpine AS build
WORKDIR /app
COPY . .
RUN npm install && npm run build

FROM node:20-alpine AS runtime
WORKDIR /app
COPY --from=build /app/package*.json /app/
RUN npm install --omit=dev && \
    npm cache clean --force
COPY --from=build /app/build /app/build
CMD ["npm", "start"]
