FROM debian:bookworm-slim
RUN apt-get update && bash -c "\
        apt-get upgrade -y \
        && apt-get clean \
        && rm -rf /var/lib/apt/lists/*"
