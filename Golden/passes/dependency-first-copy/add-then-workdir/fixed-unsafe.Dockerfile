FROM python:3.11
ENV PYTHONUNBUFFERED=1
COPY requirements.txt /code/
WORKDIR /code
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install -r requirements.txt
ADD . /code
CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]
