FROM debian:bookworm
RUN mkdir -p /opt/app && \
    chown nobody /opt/app && \
    chmod 755 /opt/app
COPY app /opt/app
RUN groupadd app \
  && useradd -g app app \
  && chown -R app /opt/app
