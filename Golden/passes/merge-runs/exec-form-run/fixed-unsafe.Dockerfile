FROM node:20-slim
WORKDIR /app
RUN ["npm", "config", "set", "fund", "false"]
RUN npm config set update-notifier false
RUN ["node", "--version"]
