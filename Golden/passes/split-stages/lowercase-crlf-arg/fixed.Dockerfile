arg GO_VERSION=1.22
from golang:${GO_VERSION}
arg PORT=8080
workdir /src
copy . .
env CGO_ENABLED=0
run go build -o /out/app .
expose ${PORT}
cmd ["/out/app"]