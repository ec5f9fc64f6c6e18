FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go mod download && \
    go build -o /out/app ./cmd/app

FROM debian:bookworm-slim
RUN useradd --system app
COPY --from=build /out/app /usr/local/bin/app
RUN chmod 0755 /usr/local/bin/app && \
    app --version
USER app
ENTRYPOINT ["app"]
