FROM openjdk:17-slim
ENV JAVA_OPTS=""
CMD java ${JAVA_OPTS} -jar /app/app.jar
