FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN C:\Python311\python.exe -m pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r C:\app\requirements.txt
RUN pip install --no-cache-dir "flask==3.0.0" & echo done
RUN pip install --no-cache-dir gunicorn
