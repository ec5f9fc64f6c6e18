FROM debian:bookworm-slim
RUN apt-get update && mkdir -p /opt/tools
COPY install-tools.sh /opt/tools/
RUN /opt/tools/install-tools.sh
