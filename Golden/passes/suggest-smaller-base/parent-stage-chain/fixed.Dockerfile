FROM ruby:3.3 AS base
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
FROM base
COPY . .
CMD ["ruby", "app.rb"]
