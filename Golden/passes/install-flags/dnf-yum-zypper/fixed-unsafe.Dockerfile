FROM fedora:40 AS fedora
RUN dnf install --setopt=install_weak_deps=False -y gcc make && dnf clean all

FROM centos:7 AS centos
RUN yum install -y git && yum clean all

FROM opensuse/leap:15.6
RUN zypper -n install --no-recommends curl && zypper clean -a
