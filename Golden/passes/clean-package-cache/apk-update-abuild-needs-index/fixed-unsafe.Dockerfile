FROM alpine:3.20
RUN apk update && apk add alpine-sdk && abuild -r && rm -rf /var/cache/apk/*
