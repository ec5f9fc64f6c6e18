FROM node:20-alpine
WORKDIR /usr/src/app
RUN addgroup -S app && \
    adduser -S -G app app
COPY --chown=app:app . .
USER app
CMD ["node", "index.js"]
