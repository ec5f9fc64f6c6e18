FROM golang:1.22
WORKDIR /src
COPY go.mod go.work go.work.sum ./
COPY svc/go.mod svc/go.sum svc/
COPY lib/go.mod lib/
COPY tools/go.mod tools/
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go build -o /bin/svc ./svc
