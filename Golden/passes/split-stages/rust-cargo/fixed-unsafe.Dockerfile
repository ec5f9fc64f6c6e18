FROM rust:1.78 AS build
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12 AS runtime
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/release/hello-web /usr/src/app/target/release/hello-web
CMD ["./target/release/hello-web"]
