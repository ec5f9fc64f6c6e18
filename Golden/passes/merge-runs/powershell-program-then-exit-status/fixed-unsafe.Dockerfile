FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN npm install --global yarn; if (-not $?) { exit 1 }; \
    .\tools\archiver.exe pack C:\out C:\out.zip
RUN if ($LASTEXITCODE -ne 0) { throw 'pack failed' }
