FROM alpine:3.20
RUN apk add --no-cache git
COPY install-extras.sh /
RUN apk add --no-cache curl
