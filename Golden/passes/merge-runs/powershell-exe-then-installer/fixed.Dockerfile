FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN go build -o C:\out\app.exe .
RUN Start-Process C:\vs_buildtools.exe -ArgumentList '--quiet' -Wait
RUN Remove-Item C:\vs_buildtools.exe
