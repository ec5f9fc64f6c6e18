FROM golang:1.22
WORKDIR /src
COPY . .
RUN --network=none --mount=type=cache,target=/go/pkg/mod go build -o /bin/app .
