FROM python:3.11
RUN python -m pip install --no-cache-dir --upgrade pip setuptools wheel
RUN python3 -m pip install --no-cache-dir uvicorn[standard]==0.30.1
