# syntax=docker/dockerfile:1
# whittle's own image: a Swift builder and a small runtime holding only the binary.
#   docker build -t whittle .
#   docker run --rm -v "$PWD:/src" whittle /src/Dockerfile

FROM swift:6.0-jammy AS build
WORKDIR /src
# The manifest first: editing a source file does not invalidate this layer.
COPY Package.swift ./
COPY Sources ./Sources
# The Swift runtime is linked statically, so the binary needs only glibc and libstdc++.
RUN swift build -c release --static-swift-stdlib --product whittle \
    && install -D "$(swift build -c release --show-bin-path)/whittle" /out/whittle

# distroless cc: glibc, libstdc++ and CA certificates; no shell, no package manager.
FROM gcr.io/distroless/cc-debian12:nonroot AS runtime
COPY --from=build /out/whittle /usr/local/bin/whittle
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/whittle"]
CMD ["--help"]
