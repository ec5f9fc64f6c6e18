FROM ubuntu:22.04
RUN mkdir -p /opt/tools && \
    chmod 755 /opt/tools && \
    ln -s /opt/tools /tools
