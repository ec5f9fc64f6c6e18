FROM debian:bookworm-slim
RUN set -ex; \
    apt-get update; \
    apt-get install -y --no-install-recommends procps; \
    rm -rf /var/lib/apt/lists/*
