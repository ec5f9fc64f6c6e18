FROM golang:1.19
ENV CGO_ENABLED=0
WORKDIR /go/src/app
COPY . .
RUN go build -o /go/bin/bench-server .
EXPOSE 8080
CMD ["bench-server"]
