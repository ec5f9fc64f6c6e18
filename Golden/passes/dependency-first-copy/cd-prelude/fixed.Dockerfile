FROM python:3.12-slim
COPY requirements.txt /opt/service/
RUN cd /opt/service && pip install -r requirements.txt
COPY . /opt/service
RUN cd /opt/service && python -m compileall -q .
