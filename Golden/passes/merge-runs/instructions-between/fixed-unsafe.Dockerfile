FROM node:20-bookworm-slim
RUN mkdir -p /home/node/app
USER node
RUN npm config set prefix /home/node/.npm-global
WORKDIR /home/node/app
RUN touch .keep
ENV NODE_ENV=production
RUN echo "$NODE_ENV" > .env-name
ARG BUILD_SHA=unknown
RUN echo "$BUILD_SHA" > REVISION
COPY --chown=node:node package*.json ./
RUN ls -la
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN npm ci --omit=dev | tee /tmp/npm.log
