from python:3.12-alpine
copy app.py /app.py
cmd ["python", "/app.py"]
