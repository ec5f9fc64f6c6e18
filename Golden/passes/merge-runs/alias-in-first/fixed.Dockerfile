FROM debian:bookworm
RUN (alias ll="ls -l") && \
    (ll /etc > /tmp/etc.txt || true)
