FROM ruby:3.3-slim
WORKDIR /rails
COPY Gemfile Gemfile.lock .ruby-version ./
RUN bundle install --jobs 4
COPY . .
RUN bundle exec rake assets:precompile
CMD ["bin/rails", "server"]
