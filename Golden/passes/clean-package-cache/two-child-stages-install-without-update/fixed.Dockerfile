FROM debian:bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
FROM base AS tools
RUN set -e; apt-get install -y --no-install-recommends git
FROM base
RUN DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl
