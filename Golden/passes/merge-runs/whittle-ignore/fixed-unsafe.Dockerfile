FROM node:20
WORKDIR /app
RUN corepack enable && \
    corepack prepare pnpm@9.1.0 --activate
COPY package.json pnpm-lock.yaml ./
RUN pnpm fetch
# whittle ignore=merge-runs -- the install is slow; keep its layer cached on its own
RUN pnpm install --offline --frozen-lockfile
COPY . .
