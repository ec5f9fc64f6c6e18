FROM postgres:16
COPY docker-entrypoint-wrapper.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint-wrapper.sh"]
CMD postgres -c shared_buffers=256MB -c max_connections=200
