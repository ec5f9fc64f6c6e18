FROM ruby:3.3-slim
WORKDIR /app

RUN gem update --system && \
    gem install bundler:2.5.6


COPY Gemfile Gemfile.lock ./
RUN bundle install
