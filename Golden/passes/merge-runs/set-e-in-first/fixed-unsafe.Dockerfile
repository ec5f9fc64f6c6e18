FROM debian:bookworm-slim
COPY scripts/ /opt/scripts/
RUN (set -eux; /opt/scripts/install-deps.sh) && \
    /opt/scripts/verify-deps.sh
