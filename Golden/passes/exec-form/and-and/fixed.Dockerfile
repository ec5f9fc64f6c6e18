FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD python manage.py migrate && python manage.py runserver 0.0.0.0:8000
