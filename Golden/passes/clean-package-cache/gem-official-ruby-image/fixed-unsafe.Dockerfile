FROM ruby:3.3-alpine
RUN gem install rails -v 7.1.3 && rm -rf "$(gem env gemdir)"/cache/*.gem
