FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/server .
LABEL org.opencontainers.image.source="https://example.com/repo"
ENTRYPOINT ["server"]
