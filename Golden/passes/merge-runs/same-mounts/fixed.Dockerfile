# syntax=docker/dockerfile:1
FROM rust:1.79
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch && \
    cargo build --release --offline
