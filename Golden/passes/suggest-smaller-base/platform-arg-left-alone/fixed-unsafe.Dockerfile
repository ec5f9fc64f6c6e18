FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
FROM python:3.12-${TARGETARCH}
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]
