# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN mkdir -p /etc/myapp
RUN <<EOT
set -e
echo "listen 8080" > /etc/myapp/app.conf
echo "workers 4" >> /etc/myapp/app.conf
EOT
RUN cat /etc/myapp/app.conf
