FROM golang:1.22
ENV GOCACHE=/cache/go
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app ./cmd/app
