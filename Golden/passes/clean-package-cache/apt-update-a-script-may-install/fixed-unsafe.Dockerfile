FROM python:3.12
RUN apt-get update
COPY install-tools.sh /tmp/
RUN /tmp/install-tools.sh
