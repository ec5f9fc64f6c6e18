FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libcurl4 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY hello.c .
RUN gcc -O2 -o /usr/local/bin/hello hello.c
CMD ["hello"]
