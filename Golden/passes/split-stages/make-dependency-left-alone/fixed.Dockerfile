FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp/lib
COPY vendor/lib .
RUN make && make install
CMD ["myserver"]
