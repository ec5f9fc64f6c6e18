FROM debian:bookworm-slim
RUN apt-get update
COPY setup.sh /tmp/
RUN bash /tmp/setup.sh
