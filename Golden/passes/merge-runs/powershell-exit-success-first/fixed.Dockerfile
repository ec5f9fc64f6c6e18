FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN if (Test-Path C:\app) { exit 0 }
RUN New-Item -ItemType Directory -Path C:\app
