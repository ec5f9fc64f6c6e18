FROM alpine:3.20
COPY bin/agent /usr/local/bin/agent
ENTRYPOINT /usr/local/bin/agent --config /etc/agent.yaml
