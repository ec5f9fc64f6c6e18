FROM registry.access.redhat.com/ubi8/ubi-minimal:8.10
RUN microdnf install -y tar gzip && microdnf clean all
