FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# whittle ignore=merge-runs -- the install is slow; keep its layer cached on its own
RUN npm run build && \
    npm prune --omit=dev
