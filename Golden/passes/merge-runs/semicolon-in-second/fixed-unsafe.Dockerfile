FROM nginx:1.27
RUN rm -f /etc/nginx/conf.d/default.conf && \
    (mkdir -p /var/cache/nginx/client_temp; chown -R nginx:nginx /var/cache/nginx)
COPY nginx.conf /etc/nginx/nginx.conf
