FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD gunicorn \
    # one worker per core on the 4-core nodes
    --workers 4 \
    app.wsgi:application
