# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
RUN Invoke-WebRequest -Uri $env:APP_URL -OutFile 'app.zip'; `
    if ((Get-FileHash app.zip -Algorithm sha256).Hash -ne $env:APP_SHA256) { `
      Write-Host 'FAILED!'; `
      exit 1; `
    }; `
    # unpack
    Expand-Archive app.zip -DestinationPath C:\app
