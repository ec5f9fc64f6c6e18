FROM ubuntu:22.04
RUN apt-get update && \
    apt-get install -y --no-install-recommends git openssh-client && \
    git config --system credential.helper store && \
    rm -rf /var/lib/apt/lists/*
