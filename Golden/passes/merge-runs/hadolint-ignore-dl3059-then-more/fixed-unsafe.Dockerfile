FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.3
# hadolint ignore=DL3059
RUN poetry config virtualenvs.create false && \
    poetry config installer.max-workers 4
