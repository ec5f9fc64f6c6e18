FROM alpine:3.20
RUN apk update && apk add nginx && rm -rf /var/cache/apk/*
