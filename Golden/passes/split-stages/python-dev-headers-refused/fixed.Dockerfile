FROM python:3.12
WORKDIR /app
RUN apt-get update && apt-get install -y libpq-dev && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
COPY . .
RUN /venv/bin/pip install -r requirements.txt
CMD ["/venv/bin/python", "app.py"]
