FROM node:20-slim
WORKDIR /workspace
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/web/package.json apps/web/
COPY packages/ui/package.json packages/ui/
RUN corepack enable && pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter web build
