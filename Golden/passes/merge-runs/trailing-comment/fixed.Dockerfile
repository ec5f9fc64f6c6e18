FROM debian:bookworm
WORKDIR /build
COPY . .
RUN ./configure --prefix=/usr/local # TODO: drop the prefix once packaging moves
RUN make
