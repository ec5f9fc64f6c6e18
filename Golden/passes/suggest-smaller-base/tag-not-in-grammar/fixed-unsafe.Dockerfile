FROM python:3.11-windowsservercore
COPY app.py /
CMD ["python", "app.py"]
