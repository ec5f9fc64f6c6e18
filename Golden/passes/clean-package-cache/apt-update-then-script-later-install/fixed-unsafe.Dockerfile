FROM debian:bookworm-slim
COPY install-sshd.sh /tmp/scripts/
RUN apt-get update && bash /tmp/scripts/install-sshd.sh && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
