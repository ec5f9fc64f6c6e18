FROM golang:1.22-alpine AS api
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/api .

FROM node:20-alpine AS docs
WORKDIR /docs
COPY docs/ .
RUN npx --yes markdownlint-cli2 "**/*.md"

FROM alpine:3.20
COPY --from=api /out/api /usr/local/bin/api
