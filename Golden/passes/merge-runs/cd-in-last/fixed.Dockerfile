FROM alpine:3.20
RUN mkdir -p /opt/app && \
    cd /opt/app && wget -q https://example.com/app.tar.gz
