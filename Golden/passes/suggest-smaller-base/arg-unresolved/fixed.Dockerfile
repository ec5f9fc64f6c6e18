ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION}
RUN pip install flask
CMD ["flask", "run"]
