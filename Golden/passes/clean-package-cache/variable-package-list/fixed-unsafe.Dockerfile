FROM debian:bookworm-slim
ARG PACKAGES="curl git openssh-client"
RUN apt-get update && apt-get install -y --no-install-recommends $PACKAGES && rm -rf /var/lib/apt/lists/*
