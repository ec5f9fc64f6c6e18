FROM mcr.microsoft.com/windows/servercore:ltsc2022
# setx writes the machine's PATH: the next RUN reads it, a command on the same line would not
RUN setx /M PATH "%PATH%;C:\tools"
RUN tool.exe --version
