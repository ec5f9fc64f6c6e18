FROM debian:bookworm
RUN apt-get update && aptitude install -y nginx && rm -rf /var/lib/apt/lists/*
