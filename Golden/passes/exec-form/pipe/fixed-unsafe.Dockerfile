FROM alpine:3.20
CMD tail -f /var/log/app.log | grep ERROR
