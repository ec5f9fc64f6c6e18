FROM python:3.12 AS test
COPY . /src
RUN pip install --no-cache-dir -r /src/requirements-dev.txt && pytest /src

FROM python:3.12-slim
COPY app.py /app.py
