FROM python:3.12 AS build
ARG APP_PORT=8000
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN useradd --create-home app

FROM python:3.12-slim AS runtime
ARG APP_PORT=8000
WORKDIR /app
ENV PATH="/opt/venv/bin:$PATH"
EXPOSE $APP_PORT
RUN useradd --create-home app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
