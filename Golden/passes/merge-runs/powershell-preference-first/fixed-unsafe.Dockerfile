FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN $ProgressPreference = 'SilentlyContinue'
RUN Invoke-WebRequest -Uri https://example.com/app.zip -OutFile app.zip
