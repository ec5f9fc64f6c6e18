FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt update && apt install -y python3 python3-venv && rm -rf /var/lib/apt/lists/*
