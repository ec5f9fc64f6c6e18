FROM node:20-slim
WORKDIR /repo
COPY package.json package-lock.json ./
COPY packages/ui/package.json packages/ui/
COPY packages/utils/package.json packages/utils/
COPY apps/web/package.json apps/web/
RUN npm ci
COPY . .
RUN npm run build --workspaces
