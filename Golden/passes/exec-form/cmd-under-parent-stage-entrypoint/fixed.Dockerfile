FROM debian:bookworm-slim AS base
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]

FROM base
COPY app /usr/local/bin/app
CMD app serve --port 8080
