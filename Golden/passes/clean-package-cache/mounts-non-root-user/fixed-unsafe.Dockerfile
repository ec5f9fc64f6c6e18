FROM python:3.12-slim
RUN useradd --create-home app
USER app
WORKDIR /home/app
COPY --chown=app:app requirements.txt .
RUN pip install --no-cache-dir --user -r requirements.txt
