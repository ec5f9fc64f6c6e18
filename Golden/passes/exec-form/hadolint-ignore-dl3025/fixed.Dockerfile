FROM node:20-slim
# hadolint ignore=DL3025
CMD npm start
