FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN C:\tools\env.cmd
RUN build.exe --release && \
    call C:\tools\vcvars64.bat && cl /c main.c
RUN link main.obj
