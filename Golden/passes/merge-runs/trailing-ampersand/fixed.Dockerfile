FROM redis:7
RUN redis-server --daemonize no &
RUN sleep 1 && redis-cli ping
