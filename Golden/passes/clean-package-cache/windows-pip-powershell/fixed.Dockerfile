# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN py -m pip install --no-cache-dir 'requests>=2'; pip3 install --no-cache-dir -r C:\app\requirements.txt
RUN pip install --no-cache-dir `
    flask
