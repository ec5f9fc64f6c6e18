FROM golang:1.22
ARG SRC=/src
WORKDIR $SRC
COPY . .
RUN CGO_ENABLED=0 go build -o out/app .
CMD ["./out/app"]
