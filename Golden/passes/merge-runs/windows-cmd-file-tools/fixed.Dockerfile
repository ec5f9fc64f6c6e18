FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
# the folders first
RUN mkdir C:\app && \
    curl.exe -fsSLo C:\app\app.zip https://example.com/app.zip && \
    tar -xf C:\app\app.zip -C C:\app
