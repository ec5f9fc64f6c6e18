FROM fedora:40
RUN dnf install -y --setopt=install_weak_deps=False httpd && dnf clean all
