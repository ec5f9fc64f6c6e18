# syntax=docker/dockerfile:1
FROM node:20-slim
WORKDIR /app
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn/releases .yarn/releases/
COPY .yarn/plugins .yarn/plugins/
RUN --mount=type=cache,target=/root/.yarn/berry/cache yarn install --immutable
COPY . .
RUN --mount=type=cache,target=/root/.yarn/berry/cache yarn build
