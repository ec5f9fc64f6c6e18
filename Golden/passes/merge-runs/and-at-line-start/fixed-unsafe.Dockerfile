FROM debian:bookworm-slim
ENV TINI_VERSION=v0.19.0
RUN curl -fsSL -o /usr/local/bin/tini https://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini \
    && chmod +x /usr/local/bin/tini \
    && tini --version
ENTRYPOINT ["/usr/local/bin/tini", "--"]
