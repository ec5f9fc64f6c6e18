FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt -c constraints.txt && python -m compileall .
CMD ["python", "app.py"]
