FROM ruby:3.3-slim AS base
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
FROM base
COPY . .
CMD ["ruby", "app.rb"]
