FROM postgres:16
COPY init.sql /docker-entrypoint-initdb.d/
CMD postgres -c shared_buffers=256MB -c max_connections=200
