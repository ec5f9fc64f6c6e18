FROM golang:1.22
WORKDIR /go/src
COPY . .
RUN (cd cmd/api && go build -o /usr/local/bin/api .) && \
    go vet ./...
