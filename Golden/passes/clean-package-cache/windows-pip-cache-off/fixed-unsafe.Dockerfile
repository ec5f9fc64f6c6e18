FROM mcr.microsoft.com/windows/servercore:ltsc2022
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask
