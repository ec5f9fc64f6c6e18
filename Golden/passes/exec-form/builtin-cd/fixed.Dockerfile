FROM alpine:3.20
COPY www/ /srv/www/
CMD cd /srv/www && ./start
