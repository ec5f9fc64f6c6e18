FROM ruby:3.3-slim
WORKDIR /gem
COPY . .
RUN bundle install
