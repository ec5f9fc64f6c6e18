FROM debian:bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev make git ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make

FROM debian:bookworm-slim AS runtime
WORKDIR /src
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/server /src/build/server
HEALTHCHECK CMD curl -fs http://localhost/ || exit 1
CMD ["/src/build/server"]
