FROM python:3.12
RUN apt-get update && export DEBIAN_FRONTEND=noninteractive \
    # imagemagick is not used
    && apt-get purge -y imagemagick imagemagick-6-common \
    && rm -rf /var/lib/apt/lists/*
