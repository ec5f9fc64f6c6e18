FROM debian:bookworm
RUN (trap "rm -f /tmp/lock" EXIT && touch /tmp/lock) && \
    test ! -e /tmp/lock
