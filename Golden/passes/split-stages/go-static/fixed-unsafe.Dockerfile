FROM golang:1.22 AS build
WORKDIR /src
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags="-s -w" -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12 AS runtime
WORKDIR /src
EXPOSE 8080
COPY --from=build /out/api /out/api
USER 65532:65532
CMD ["/out/api", "-addr", ":8080"]
