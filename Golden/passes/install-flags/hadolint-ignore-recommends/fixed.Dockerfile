FROM debian:bookworm
# hadolint ignore=DL3015
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
