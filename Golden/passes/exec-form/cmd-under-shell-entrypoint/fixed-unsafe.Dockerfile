FROM alpine:3.20
COPY run.sh /run.sh
ENTRYPOINT ["/run.sh"]
CMD ["start"]
