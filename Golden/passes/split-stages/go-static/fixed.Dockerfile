FROM golang:1.22
WORKDIR /src
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -ldflags="-s -w" -o /out/api ./cmd/api
EXPOSE 8080
USER 65532:65532
CMD /out/api -addr :8080
