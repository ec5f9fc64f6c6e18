# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN mkdir C:\app && `
    setx /M PATH "%PATH%;C:\app"
WORKDIR C:\app
