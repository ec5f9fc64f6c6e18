FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN python -m compileall -q /usr/local/lib/python3.12
RUN --mount=type=secret,id=netrc,target=/root/.netrc pip download -d /wheels private-lib
