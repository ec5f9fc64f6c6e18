FROM debian:bookworm
RUN mkdir -p /opt/app && \
    chown nobody /opt/app && \
    chmod 755 /opt/app
RUN useradd app && \
    mkdir /home/app/data
RUN apt-get update \
  && apt-get install -y curl \
  && rm -rf /var/lib/apt/lists/*
