FROM fedora:40
RUN dnf makecache && \
    dnf install -y gcc make
