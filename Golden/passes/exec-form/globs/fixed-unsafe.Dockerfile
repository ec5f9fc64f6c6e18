FROM eclipse-temurin:17-jre
COPY build/libs/ /app/
CMD java -jar /app/*.jar
