FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY busybox.exe C:/bin/busybox.exe
RUN setx /M PATH "C:\bin;%PATH%"
RUN busybox.exe --list
