FROM gradle:8.7-jdk17 AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle build --no-daemon

FROM eclipse-temurin:17-jre AS runtime
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/*.jar /home/gradle/project/build/libs/
CMD java -jar build/libs/*.jar
