FROM node:18-alpine
WORKDIR /app
COPY package.json yarn.lock .yarnrc ./
RUN yarn install --frozen-lockfile \
    && yarn cache clean
COPY . .
RUN yarn build \
    && yarn cache clean
CMD ["yarn", "start"]
