FROM debian:bookworm
RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
FROM alpine:3.20
RUN apk upgrade --no-cache
