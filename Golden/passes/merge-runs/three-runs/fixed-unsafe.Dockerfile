FROM python:3.12-slim
RUN useradd --create-home --shell /bin/bash worker && \
    mkdir -p /var/log/worker && \
    chown worker:worker /var/log/worker
COPY worker.py /home/worker/
USER worker
CMD ["python", "/home/worker/worker.py"]
