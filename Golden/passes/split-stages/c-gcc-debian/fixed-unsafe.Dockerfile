FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libcurl4 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY hello.c .
RUN gcc -O2 -o /usr/local/bin/hello hello.c

FROM debian:bookworm-slim AS runtime
WORKDIR /src
RUN apt-get update && \
    apt-get install -y --no-install-recommends libcurl4 && \
    rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
CMD ["hello"]
