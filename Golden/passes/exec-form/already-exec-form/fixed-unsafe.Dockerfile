FROM node:20-slim
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "index.js"]
