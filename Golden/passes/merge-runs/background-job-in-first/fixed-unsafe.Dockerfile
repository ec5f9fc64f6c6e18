FROM mcr.microsoft.com/playwright/python:v1.45.0-jammy
WORKDIR /tests
COPY . .
RUN Xvfb :99 -screen 0 1280x1024x24 & sleep 2
RUN python3 -m pytest -q tests/unit
