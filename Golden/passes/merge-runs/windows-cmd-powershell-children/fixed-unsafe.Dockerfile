# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS installer
RUN powershell -Command " `
        $ErrorActionPreference = 'Stop'; `
        Invoke-WebRequest -OutFile mingit.zip https://example.com/MinGit.zip; `
        if ((Get-FileHash mingit.zip -Algorithm sha256).Hash -ne 'abc') { exit 1 }; `
        mkdir MinGit; `
        tar -xf mingit.zip -C MinGit; `
        Remove-Item -Force mingit.zip" && `
        powershell -Command "$ErrorActionPreference = 'Stop'; Invoke-WebRequest -OutFile C:\sdk.zip https://example.com/sdk.zip"
