FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN git clone https://example.com/repo.git C:\src; if (-not $?) { exit 1 }; \
    Remove-Item C:\src\.git -Recurse -Force
