FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
COPY extra-packages.txt /tmp/
RUN apt-get install -y --no-install-recommends $(cat /tmp/extra-packages.txt)
