FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Remove-Item C:\old -Recurse
RUN Invoke-WebRequest -Uri https://example.com/app.zip -OutFile C:\app.zip
