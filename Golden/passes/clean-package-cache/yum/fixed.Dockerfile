FROM centos:7
RUN yum install -y epel-release && yum install -y nginx && yum clean all && rm -rf /var/cache/yum
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
