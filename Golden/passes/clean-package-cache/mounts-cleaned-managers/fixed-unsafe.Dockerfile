# syntax=docker/dockerfile:1
FROM fedora:40
RUN dnf install -y nodejs npm && dnf clean all && rm -rf /var/cache/dnf
RUN --mount=type=cache,target=/root/.npm npm install -g yarn
