FROM fedora:40 AS fedora
RUN dnf install -y gcc make && dnf clean all

FROM centos:7 AS centos
RUN yum install -y git && yum clean all

FROM opensuse/leap:15.6
RUN zypper -n install curl && zypper clean -a
