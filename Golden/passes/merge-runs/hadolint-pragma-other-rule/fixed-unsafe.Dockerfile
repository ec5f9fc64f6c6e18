FROM debian:bookworm-slim
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y curl
