FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN mkdir C:\src && \
    git clone https://example.com/app.git C:\src\app && \
    python C:\src\app\generate.py && \
    pip install -r C:\src\app\requirements.txt && \
    echo done > C:\src\done.txt
