ARG PYTHON_VERSION=3.11
FROM python:${PYTHON_VERSION}-slim
RUN pip install flask
CMD ["flask", "run"]
