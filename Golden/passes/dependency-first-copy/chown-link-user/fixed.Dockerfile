FROM node:20-slim
WORKDIR /home/node/app
COPY --chown=node:node --link package.json package-lock.json .npmrc ./
USER node
ARG NODE_ENV=production
RUN npm ci --omit=dev
COPY --chown=node:node --link . .
CMD ["node", "index.js"]
