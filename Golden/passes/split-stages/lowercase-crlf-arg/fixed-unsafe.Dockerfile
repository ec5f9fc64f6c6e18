arg GO_VERSION=1.22
from golang:${GO_VERSION} as build
arg PORT=8080
workdir /src
copy . .
env CGO_ENABLED=0
run go build -o /out/app .

from gcr.io/distroless/static-debian12 as runtime
arg PORT=8080
workdir /src
expose ${PORT}
copy --from=build /out/app /out/app
cmd ["/out/app"]
