FROM alpine:3.20
RUN set -xe \
    && apk add --no-cache --virtual .build-deps build-base curl \
    && curl -fsSL https://example.com/app.tar.gz | tar xz \
    && make -C app install \
    && apk del .build-deps
