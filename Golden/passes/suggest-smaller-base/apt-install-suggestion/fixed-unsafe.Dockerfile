FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends libxml2 && rm -rf /var/lib/apt/lists/*
COPY app /usr/local/bin/app
CMD ["app"]
