FROM python:3.12-alpine
RUN set -xe \
    && apk add --no-cache build-base \
    && pip install --no-cache-dir uwsgi \
    && apk del build-base \
    && rm -rf /root/.cache/pip
