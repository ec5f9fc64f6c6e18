FROM alpine:3.20 AS rootfs
RUN apk add --no-cache curl
RUN pip install --no-cache-dir --prefix /install flask

FROM scratch
COPY --from=rootfs / /
