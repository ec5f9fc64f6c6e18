# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN $url = 'https://example.com/app.zip'
RUN Invoke-WebRequest -Uri $url -OutFile app.zip
