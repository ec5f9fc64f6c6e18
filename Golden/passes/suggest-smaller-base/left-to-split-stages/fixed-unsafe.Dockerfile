FROM python:3.12
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY . .
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
