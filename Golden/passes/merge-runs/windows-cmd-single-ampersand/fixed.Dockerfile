FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN mkdir C:\app & mkdir C:\data
RUN copy C:\src\app.exe C:\app
