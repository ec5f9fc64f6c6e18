FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Write-Host "now in $(Set-Location C:\app; Get-Location)"
RUN Remove-Item tmp -Recurse
