FROM python:3.12-slim
# hadolint ignore=DL3009
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir psycopg2
