FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Set-Location C:\app
RUN Remove-Item C:\app\tmp -Recurse
