FROM ubuntu:24.04
# tools for the healthcheck
RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*
