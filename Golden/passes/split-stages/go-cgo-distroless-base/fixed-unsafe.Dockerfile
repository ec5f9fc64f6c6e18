FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/server .

FROM gcr.io/distroless/base-debian12 AS runtime
WORKDIR /src
LABEL org.opencontainers.image.source="https://example.com/repo"
COPY --from=build /usr/local/bin/server /usr/local/bin/server
ENTRYPOINT ["server"]
