# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN mkdir C:\app
RUN setx /M PATH "%PATH%;C:\app"
WORKDIR C:\app
