FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev make git ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make
HEALTHCHECK CMD curl -fs http://localhost/ || exit 1
CMD ["/src/build/server"]
