FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
RUN python -m pip --no-cache-dir install gunicorn
