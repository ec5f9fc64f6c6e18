FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/tool .
FROM python:3.12-slim
COPY --from=build /out/tool /usr/local/bin/tool
RUN pip install requests
CMD ["python", "-m", "http.server"]
