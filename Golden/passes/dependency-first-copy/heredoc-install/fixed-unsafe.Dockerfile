# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt ./
RUN <<EOF
pip install --upgrade pip
pip install -r requirements.txt
EOF
COPY . .
