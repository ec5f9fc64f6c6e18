FROM alpine:3.20
RUN apk add --no-cache git openssh-client \
  # the deploy key is mounted at build time
  && mkdir -p /root/.ssh \
  # trust the git host
  # (keys rotated 2024)
  && ssh-keyscan github.com >> /root/.ssh/known_hosts
