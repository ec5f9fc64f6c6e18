FROM alpine:3.20
COPY check-arch.sh /usr/local/bin/
RUN ([ "$(uname -m)" = "x86_64" ] || exit 1) && \
    apk add --no-cache libc6-compat
