FROM eclipse-temurin:21-jdk-jammy
COPY app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
