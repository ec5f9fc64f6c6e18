FROM python:3.12
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
