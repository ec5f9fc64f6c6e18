FROM debian:bookworm-slim
RUN apt-get update
# hadolint ignore=DL3008
RUN apt-get install -y --no-install-recommends curl
