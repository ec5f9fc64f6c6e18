FROM eclipse-temurin:21-jdk AS build
WORKDIR /app
COPY settings.gradle.kts build.gradle.kts gradle.properties gradlew ./
COPY gradle gradle/
RUN ./gradlew dependencies --no-daemon
COPY . .
RUN ./gradlew bootJar --no-daemon
