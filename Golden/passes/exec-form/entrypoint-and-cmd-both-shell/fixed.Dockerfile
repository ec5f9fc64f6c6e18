FROM ruby:3.3-slim
WORKDIR /app
COPY . .
ENTRYPOINT bundle exec
CMD rails server -b 0.0.0.0
