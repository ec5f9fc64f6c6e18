FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "hello" | tee /hello.txt
CMD cat /hello.txt
