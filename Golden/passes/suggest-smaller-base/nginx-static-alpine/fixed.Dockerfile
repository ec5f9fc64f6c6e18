FROM nginx:1.27
COPY nginx.conf /etc/nginx/nginx.conf
COPY public/ /usr/share/nginx/html/
