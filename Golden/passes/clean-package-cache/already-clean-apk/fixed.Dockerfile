FROM alpine:3.20
RUN apk add --no-cache bash curl
RUN apk --no-cache add git
