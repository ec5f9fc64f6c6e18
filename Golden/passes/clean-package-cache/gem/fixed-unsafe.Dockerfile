FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y ruby-full && rm -rf /var/lib/apt/lists/*
RUN gem install --no-document bundler -v 2.5.6 && rm -rf "$(gem env gemdir)"/cache/*.gem
