FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN msiexec /i C:\node.msi /quiet /norestart
RUN npm install -g yarn
