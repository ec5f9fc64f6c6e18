# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; `
    Invoke-WebRequest https://example.com/tool.zip -OutFile tool.zip; `
    Expand-Archive tool.zip -DestinationPath C:\tool
RUN Invoke-WebRequest https://example.com/data.zip -OutFile data.zip
