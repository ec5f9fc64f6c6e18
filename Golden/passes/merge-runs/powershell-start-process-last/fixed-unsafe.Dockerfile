FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri https://example.com/vc_redist.x64.exe -OutFile vcredist.exe; \
    Start-Process .\vcredist.exe -ArgumentList '/install', '/quiet' -NoNewWindow -Wait
RUN Remove-Item vcredist.exe
