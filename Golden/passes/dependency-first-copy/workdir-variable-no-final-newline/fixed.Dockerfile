FROM python:3.12-slim
ENV APP_HOME /app
WORKDIR $APP_HOME
COPY requirements.txt ./
# Install production dependencies.
RUN pip install --no-cache-dir -r requirements.txt
COPY . ./
