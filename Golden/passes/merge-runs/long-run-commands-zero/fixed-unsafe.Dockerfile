FROM debian:bookworm
WORKDIR /usr/src/nginx
COPY . .
RUN ./configure --with-http_ssl_module && make -j"$(nproc)" && make install && \
    nginx -V
