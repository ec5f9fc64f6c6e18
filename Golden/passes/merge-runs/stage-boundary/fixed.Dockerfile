FROM alpine:3.20 AS base
RUN apk add --no-cache ca-certificates
FROM base
RUN update-ca-certificates
