FROM node:18-alpine
RUN npm install -g pm2@5 && npm cache clean --force
WORKDIR /srv
COPY . .
RUN npm install --production && npm cache clean --force
CMD ["pm2-runtime", "ecosystem.config.js"]
