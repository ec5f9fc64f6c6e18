FROM debian:bookworm-slim
COPY worker /usr/local/bin/worker
CMD /usr/local/bin/worker 2>&1
