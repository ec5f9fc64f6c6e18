FROM golang:1.22-bookworm
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download && \
    # verify the checksums of everything we just downloaded
    go mod verify
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/server ./cmd/server
