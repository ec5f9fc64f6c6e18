FROM alpine:3.20
ARG GIT_COMMIT
RUN echo "$GIT_COMMIT" > /commit.txt
