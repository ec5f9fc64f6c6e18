FROM debian:bookworm
RUN exec /usr/bin/env > /tmp/env.txt
RUN cat /tmp/env.txt
