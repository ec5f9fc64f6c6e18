FROM debian:bookworm-slim
RUN curl -fsSL -o /tmp/tool.tar.gz https://example.com/tool-1.2.3-linux-amd64.tar.gz \
    && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin tool \
    && rm -rf /tmp/*
