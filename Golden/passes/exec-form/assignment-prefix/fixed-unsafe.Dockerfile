FROM node:20-slim
CMD NODE_ENV=production node server.js
