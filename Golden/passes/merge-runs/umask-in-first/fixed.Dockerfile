FROM alpine:3.20
RUN (umask 077 && mkdir -p /secrets) && \
    touch /var/log/app.log
