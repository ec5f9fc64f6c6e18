FROM rust:1.79 AS build
WORKDIR /usr/src/app
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src && touch src/main.rs && cargo fetch --locked && rm src/main.rs
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /usr/src/app/target/release/app /usr/local/bin/app
CMD ["app"]
