FROM node:20
WORKDIR /app
COPY . .
# whittle ignore=dependency-first-copy -- the install needs the generated files
RUN npm ci
