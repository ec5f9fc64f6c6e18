FROM ubuntu:22.04
COPY app /usr/local/bin/app
CMD ["app"]
