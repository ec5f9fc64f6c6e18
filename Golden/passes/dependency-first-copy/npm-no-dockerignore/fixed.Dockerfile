FROM node:20-alpine
WORKDIR /usr/src/app
COPY package.json npm-shrinkwrap.json ./
RUN npm ci --omit=dev
COPY . .
EXPOSE 3000
CMD ["node", "server.js"]
