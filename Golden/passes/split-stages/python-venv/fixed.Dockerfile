FROM python:3.12
ARG APP_PORT=8000
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN useradd --create-home app
USER app
EXPOSE $APP_PORT
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
