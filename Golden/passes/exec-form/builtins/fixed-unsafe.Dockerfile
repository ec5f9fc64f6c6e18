FROM busybox:1.36
VOLUME /var/lib/mysql
CMD true
