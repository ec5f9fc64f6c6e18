import Testing
import WhittleShell

/// Long RUN chains in the style of the Docker Official Images (written for these tests), given as
/// BuildKit's logical text: line continuations removed, so each former line follows the previous
/// one after its indentation.
@Suite("Realistic RUN chains")
struct RealisticTests {
    static let pythonBuild = """
        set -eux; \
            savedAptMark="$(apt-mark showmanual)"; \
            apt-get update; \
            apt-get install -y --no-install-recommends dpkg-dev gcc gnupg libbz2-dev libc6-dev libffi-dev make \
        wget xz-utils zlib1g-dev; \
            wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \
            echo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \
            mkdir -p /usr/src/python; \
            tar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \
            rm python.tar.xz; \
            cd /usr/src/python; \
            gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \
            ./configure --build="$gnuArch" --enable-optimizations --with-lto; \
            nproc="$(nproc)"; \
            EXTRA_CFLAGS="$(dpkg-buildflags --get CFLAGS)"; \
            LDFLAGS="${LDFLAGS:--Wl},--strip-all"; \
            make -j "$nproc" "EXTRA_CFLAGS=${EXTRA_CFLAGS:-}" "LDFLAGS=${LDFLAGS:-}"; \
            make install; \
            cd /; \
            rm -rf /usr/src/python; \
            find /usr/local -depth \\( \\( -type d -a \\( -name test -o -name tests \\) \\) -o \\( -type f -a -name '*.pyc' \\) \\) -exec rm -rf '{}' + ; \
            ldconfig; \
            apt-mark auto '.*' > /dev/null; \
            apt-mark manual $savedAptMark; \
            find /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \
                | awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \
                | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual ; \
            apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
            rm -rf /var/lib/apt/lists/*; \
            python3 --version
        """.replacingContinuations()

    static let nodeInstall = """
        ARCH= && dpkgArch="$(dpkg --print-architecture)" \
          && case "${dpkgArch##*-}" in \
            amd64) ARCH='x64';; \
            ppc64el) ARCH='ppc64le';; \
            arm64) ARCH='arm64';; \
            *) echo "unsupported architecture"; exit 1 ;; \
          esac \
          && set -ex \
          && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils --no-install-recommends \
          && rm -rf /var/lib/apt/lists/* \
          && for key in 4ED778F539E3634C779C87C6D7062848A1AB005C 141F07595B7B3FFE74309A937405533BE57C7D57 ; do \
              gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" || \
              gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ; \
          done \
          && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" \
          && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \
          && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" \
          && ln -s /usr/local/bin/node /usr/local/bin/nodejs \
          && node --version && npm --version
        """.replacingContinuations()

    static let alpineNginx = """
        set -eux; \
            apk add --no-cache --virtual .build-deps gcc libc-dev make openssl-dev pcre2-dev zlib-dev linux-headers; \
            wget -O nginx.tar.gz "https://nginx.org/download/nginx-$NGINX_VERSION.tar.gz"; \
            tar -xzf nginx.tar.gz -C /usr/src; \
            rm nginx.tar.gz; \
            cd "/usr/src/nginx-$NGINX_VERSION"; \
            ./configure --prefix=/etc/nginx; \
            make -j"$(getconf _NPROCESSORS_ONLN)"; \
            make install; \
            runDeps="$( \
                scanelf --needed --nobanner /usr/sbin/nginx \
                    | awk '{ gsub(/,/, "\\nso:", $2); print "so:" $2 }' \
                    | sort -u \
                    | xargs -r apk info --installed \
                    | sort -u \
            )"; \
            apk add --no-cache --virtual .nginx-rundeps $runDeps; \
            apk del --no-network .build-deps; \
            cd /; \
            rm -rf /usr/src/nginx-* /var/cache/apk/*
        """.replacingContinuations()

    static let goGpg = """
        set -eux; \
            arch="$(dpkg --print-architecture)"; arch="${arch##*-}"; \
            url=; \
            case "$arch" in \
                'amd64') url='https://dl.google.com/go/go1.22.linux-amd64.tar.gz'; sha256='aaaa'; ;; \
                'arm64') url='https://dl.google.com/go/go1.22.linux-arm64.tar.gz'; sha256='bbbb'; ;; \
                *) echo >&2 "error: unsupported architecture '$arch'"; exit 1 ;; \
            esac; \
            wget -O go.tgz.asc "$url.asc"; \
            wget -O go.tgz "$url" --progress=dot:giga; \
            echo "$sha256 *go.tgz" | sha256sum -c -; \
            GNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \
            gpg --batch --keyserver keyserver.ubuntu.com --recv-keys 'EB4C 1BFD 4F04 2F6D DDCC  EC91 7721 F63B D38B 4796'; \
            gpg --batch --verify go.tgz.asc go.tgz; \
            gpgconf --kill all; \
            rm -rf "$GNUPGHOME" go.tgz.asc; \
            tar -C /usr/local -xzf go.tgz; \
            rm go.tgz; \
            if [ -n "${savedAptMark:-}" ]; then apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark > /dev/null; fi; \
            [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \
            go version
        """.replacingContinuations()

    static let heredocBody = """
        set -e
        apt-get update
        apt-get install -y --no-install-recommends git
        rm -rf /var/lib/apt/lists/*
        if [ -f requirements.txt ]; then
            pip install --no-cache-dir -r requirements.txt
        fi
        useradd -m app && chown -R app /app

        """

    @Test func pythonBuild() throws {
        let script = parse(Self.pythonBuild)
        #expect(script.opaque == nil, "\(String(describing: script.opaque))")
        #expect(
            script.packageManagerCommands.filter { $0.manager == .aptGet }.map(\.action) == [
                .update, .install, .purge,
            ])
        let install = try #require(script.packageManagerCommands.first { $0.action == .install })
        #expect(install.packageNames.count == 10)
        #expect(install.skipsRecommends && install.isNonInteractive)
        #expect(script.removesAptLists)
        #expect(script.downloads.map(\.output) == [.file(.path("python.tar.xz"))])
        #expect(script.archiveExtractions.first?.directory == .path("/usr/src/python"))
        let leaks = script.leakingState.map(\.kind)
        #expect(
            leaks.contains(.shellOption) && leaks.contains(.changeDirectory) && leaks.contains(.assignment))
        #expect(script.commands.filter { $0.name == "cd" }.allSatisfy { $0.isUnconditional })
        #expect(script.commands.first { $0.name == "apt-mark" }?.context.assignmentTarget == "savedAptMark")
    }

    @Test func nodeInstall() throws {
        let script = parse(Self.nodeInstall)
        #expect(script.opaque == nil, "\(String(describing: script.opaque))")
        let aptInstall = try #require(script.packageManagerCommands.first { $0.action == .install })
        #expect(aptInstall.command.isUnconditional)
        #expect(aptInstall.skipsRecommends)
        #expect(script.removesAptLists)
        let gpgs = script.commands.filter { $0.name == "gpg" }
        #expect(gpgs.count == 2 && gpgs.allSatisfy { !$0.isUnconditional })
        #expect(script.commands.filter { $0.name == "exit" }.allSatisfy { !$0.isUnconditional })
        #expect(script.downloads.first?.output == .remoteName)
        #expect(script.archiveExtractions.first?.directory == .path("/usr/local"))
        #expect(script.commands.last?.name == "npm")
        #expect(script.commands.last?.isUnconditional == true)
    }

    @Test func alpineNginx() throws {
        let script = parse(Self.alpineNginx)
        #expect(script.opaque == nil, "\(String(describing: script.opaque))")
        let apk = script.packageManagerCommands.filter { $0.manager == .apk && $0.command.isTopLevel }
        #expect(apk.map(\.action) == [.install, .install, .remove])
        #expect(apk.map(\.virtualPackage) == [".build-deps", ".nginx-rundeps", nil])
        #expect(apk[0].avoidsCache)
        // `xargs -r apk info` is not followed: xargs builds its command line at run time.
        #expect(!script.packageManagerCommands.contains { $0.command.inSubstitution })
        #expect(script.cacheCleanups.map(\.family) == [.apk])
    }

    @Test func goWithGpg() throws {
        let script = parse(Self.goGpg)
        #expect(script.opaque == nil, "\(String(describing: script.opaque))")
        #expect(script.temporaryFiles.first?.assignedVariable == "GNUPGHOME")
        #expect(script.downloads.map(\.output) == [.file(.path("go.tgz.asc")), .file(.path("go.tgz"))])
        #expect(script.archiveExtractions.first?.archive == .path("go.tgz"))
        #expect(script.hasTopLevelExitOrExec)
        #expect(script.commands.filter { $0.name == "apt-mark" }.allSatisfy { !$0.isUnconditional })
    }

    @Test func heredocStyleBody() throws {
        let script = parse(Self.heredocBody)
        #expect(script.opaque == nil)
        #expect(
            script.commands.map(\.name) == [
                "set", "apt-get", "apt-get", "rm", "[", "pip", "useradd", "chown",
            ])
        let pip = try #require(script.packageManagerCommands.first { $0.manager == .pip })
        #expect(!pip.command.isUnconditional)
        #expect(pip.requirementFiles == [.path("requirements.txt")])
        #expect(script.commands[1].connectorBefore == .newline)
    }

    @Test func appStyleChains() {
        let cases = [
            "pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r requirements.txt && python -m compileall .",
            "npm ci --omit=dev && npm cache clean --force && chown -R node:node /app",
            "go mod download && CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags='-s -w' -o /bin/app ./cmd/app",
            "dotnet restore \"src/App/App.csproj\" && dotnet publish \"src/App/App.csproj\" -c Release -o /app/publish /p:UseAppHost=false",
            "bundle config set --local deployment 'true' && bundle install --jobs \"$(nproc)\" && rm -rf /usr/local/bundle/cache",
            "composer install --no-dev --no-interaction --prefer-dist --optimize-autoloader && rm -rf /root/.composer/cache",
            "./gradlew clean bootJar --no-daemon -x test && mv build/libs/*.jar app.jar",
            "conda install -y -c conda-forge python=3.11 numpy && conda clean -afy",
        ]
        for text in cases {
            let script = parse(text)
            #expect(script.opaque == nil, "\(text)")
            #expect(!script.packageManagerCommands.isEmpty, "\(text)")
        }
    }
}

extension String {
    /// Removes `\` + newline as BuildKit does for RUN continuations.
    func replacingContinuations() -> String {
        var out = ""
        var iterator = makeIterator()
        while let c = iterator.next() {
            if c == "\\" {
                if let next = iterator.next() {
                    if next != "\n" {
                        out.append(c)
                        out.append(next)
                    }
                } else {
                    out.append(c)
                }
            } else {
                out.append(c)
            }
        }
        return out
    }
}
