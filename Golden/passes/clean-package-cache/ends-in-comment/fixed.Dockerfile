FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl # curl for the healthcheck
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
