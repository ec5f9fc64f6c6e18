FROM alpine:3.20
RUN mkdir -p /app/data && \
    mkdir -p /app/logs && \
    mkdir -p /app/tmp
RUN chmod 1777 /app/tmp
