FROM node:20-alpine
ENV PORT=8080
CMD node server.js --port $PORT
