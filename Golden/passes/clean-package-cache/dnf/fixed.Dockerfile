FROM fedora:40
RUN dnf install -y python3-pip git && dnf upgrade -y && dnf clean all && rm -rf /var/cache/dnf
