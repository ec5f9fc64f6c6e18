FROM alpine:3.20
RUN apk add --no-cache curl jq && \
	curl --version && \
	mkdir -p /data
VOLUME /data
