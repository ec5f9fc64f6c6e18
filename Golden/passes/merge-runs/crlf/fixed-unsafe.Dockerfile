FROM debian:bookworm-slim
RUN groupadd --system app && \
    # service account
    useradd --system --gid app --home /srv app
WORKDIR /srv
COPY --chown=app:app dist/ ./
USER app
