FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN "C:\Program Files\Git\bin\git.exe" clone https://example.com/repo.git C:\src
RUN dir C:\src
