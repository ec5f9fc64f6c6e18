FROM gcc:13
WORKDIR /src
COPY . .
RUN g++ -O2 -o /src/app main.cpp
CMD ["/src/app"]
