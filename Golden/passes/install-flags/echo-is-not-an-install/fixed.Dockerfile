FROM debian:bookworm
RUN echo "apt-get install curl" > /notes.txt
