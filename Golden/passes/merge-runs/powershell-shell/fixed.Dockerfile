FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN New-Item -ItemType Directory -Path C:\app; \
    Invoke-WebRequest -Uri https://example.com/app.zip -OutFile C:\app\app.zip
