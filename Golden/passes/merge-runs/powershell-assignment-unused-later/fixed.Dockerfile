# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN $zip = 'app.zip'; Invoke-WebRequest -Uri $env:APP_URL -OutFile $zip; `
    Expand-Archive app.zip -DestinationPath C:\app
