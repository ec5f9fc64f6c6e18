# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command "[Environment]::SetEnvironmentVariable('PATH', $env:PATH + ';C:\go\bin', 'Machine')"
RUN go version
