FROM maven:3.9-eclipse-temurin-21
WORKDIR /build
COPY pom.xml ./
COPY api/pom.xml api/
COPY core/pom.xml core/
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -q package
