FROM mcr.microsoft.com/windows/servercore:ltsc2022
ENV APP_HOME=C:\app
RUN tool.exe --prepare
RUN dir "%ProgramFiles%" && dir %APP_HOME% && \
    node.exe --version
RUN setx /M PATH "%PATH%;C:\app\bin"
