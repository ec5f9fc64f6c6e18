FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv
WORKDIR /app
COPY requirements.lock .
RUN uv pip install --no-cache --system -r requirements.lock
