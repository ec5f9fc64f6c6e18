FROM golang:1.19 AS build
ENV CGO_ENABLED=0
WORKDIR /go/src/app
COPY . .
RUN go build -o /go/bin/bench-server .

FROM gcr.io/distroless/static-debian12 AS runtime
WORKDIR /go/src/app
EXPOSE 8080
COPY --from=build /go/bin/bench-server /usr/local/bin/bench-server
CMD ["bench-server"]
