FROM continuumio/miniconda3:24.4.0-0
RUN conda install -y -c conda-forge scikit-learn && conda clean -afy
