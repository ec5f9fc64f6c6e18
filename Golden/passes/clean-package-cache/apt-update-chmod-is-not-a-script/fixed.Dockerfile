FROM debian:bookworm-slim
COPY hello.sh /usr/local/bin/
RUN chmod +x /usr/local/bin/hello.sh
CMD ["/usr/local/bin/hello.sh"]
