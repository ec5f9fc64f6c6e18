FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app .
FROM scratch
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
