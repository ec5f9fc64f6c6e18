FROM opensuse/tumbleweed
RUN zypper -n in git-core && zypper clean --all
