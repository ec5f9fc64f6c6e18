FROM ubuntu:22.04 AS base
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates

FROM base AS runtime
RUN apt-get install -y --no-install-recommends libssl3
CMD ["bash"]
