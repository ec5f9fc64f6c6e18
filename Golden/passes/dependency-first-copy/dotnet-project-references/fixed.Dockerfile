FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /source
COPY Directory.Build.props NuGet.config ./
COPY src/Api/Api.csproj src/Api/
COPY src/Core/Core.csproj src/Core/
RUN dotnet restore src/Api/Api.csproj -r linux-x64
COPY . .
RUN dotnet publish src/Api/Api.csproj -c Release -o /app -r linux-x64 --self-contained false

FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/Api.dll"]
