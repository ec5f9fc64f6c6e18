FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", "app.wsgi:application"]
