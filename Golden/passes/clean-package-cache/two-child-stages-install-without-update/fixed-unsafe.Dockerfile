FROM debian:bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
FROM base AS tools
RUN set -e; apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
FROM base
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
