FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -e . && \
    (python -m pytest -q || cat .pytest_cache/v/cache/lastfailed)
