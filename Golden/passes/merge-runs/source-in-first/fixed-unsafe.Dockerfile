FROM ubuntu:22.04
ENV NVM_DIR=/usr/local/nvm
COPY install-nvm.sh /tmp/
RUN bash /tmp/install-nvm.sh && \
    (. $NVM_DIR/nvm.sh && nvm install 20) && \
    node --version
