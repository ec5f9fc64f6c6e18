FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN command -v jq || apt-get install -y --no-install-recommends jq
