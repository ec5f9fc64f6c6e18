FROM debian:bookworm-slim
COPY install-sshd.sh /tmp/scripts/
RUN apt-get update && bash /tmp/scripts/install-sshd.sh
RUN apt-get install -y --no-install-recommends curl
