FROM node:20-slim
ARG BUILD_DATE
ARG VCS_REF
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
LABEL org.opencontainers.image.created=$BUILD_DATE \
      org.opencontainers.image.revision=${VCS_REF}
