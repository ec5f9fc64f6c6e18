FROM alpine:3.20
RUN echo "bootstrap done"; exit 0
RUN apk add --no-cache bash
