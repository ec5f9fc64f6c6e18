FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY extra-packages.txt /tmp/
RUN apt-get update && apt-get install -y --no-install-recommends $(cat /tmp/extra-packages.txt) && rm -rf /var/lib/apt/lists/*
