FROM condaforge/mambaforge:23.11.0-0
RUN mamba install -y -c conda-forge xarray netcdf4 && mamba clean -afy
