FROM python:3.12-slim
ARG APP_USER=app
WORKDIR /app
COPY --chown=${APP_USER} . .
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
