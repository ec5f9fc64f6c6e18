FROM gradle:8.8-jdk21
WORKDIR /home/gradle/src
COPY . .
RUN gradle build --no-daemon
