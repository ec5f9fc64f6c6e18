FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt app/
RUN pip install -r app/requirements.txt
COPY . app
WORKDIR /srv/app
