FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y ruby && rm -rf /var/lib/apt/lists/*
RUN gem install --no-document bundler && rm -rf "$(gem env gemdir)"/cache/*.gem
