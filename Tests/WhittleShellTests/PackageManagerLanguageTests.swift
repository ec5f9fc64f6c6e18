import Testing
import WhittleShell

@Suite("Package managers: language tools")
struct PackageManagerLanguageTests {
    @Test func pipRequirementSpellings() throws {
        let cases: [(String, [FileReference])] = [
            ("pip install -r requirements.txt", [.path("requirements.txt")]),
            ("pip install --requirement req/dev.txt", [.path("req/dev.txt")]),
            ("pip install --requirement=req.txt", [.path("req.txt")]),
            ("pip install -rreq.txt", [.path("req.txt")]),
            ("pip install -r $REQS", [.unknown]),
            ("pip install -r \"${REQS}\"", [.unknown]),
            ("pip install -r$REQS", [.unknown]),
            ("pip install -r a.txt -r b.txt", [.path("a.txt"), .path("b.txt")]),
        ]
        for (text, files) in cases {
            let pm = try #require(packageCommand(text), "\(text)")
            #expect(pm.requirementFiles == files, "\(text)")
            #expect(pm.packages.isEmpty, "\(text)")
        }
    }

    @Test func pipFlagsAndConstraints() throws {
        let pm = try #require(
            packageCommand(
                "pip install --no-cache-dir --user -c constraints.txt flask==2.0 'uvicorn[standard]'"))
        #expect(pm.manager == .pip)
        #expect(pm.action == .install)
        #expect(pm.avoidsCache)
        #expect(pm.hasOption("--user"))
        #expect(pm.constraintFiles == [.path("constraints.txt")])
        #expect(pm.packageNames == ["flask==2.0", "uvicorn[standard]"])
    }

    @Test func pythonDashMPip() throws {
        let pm = try #require(packageCommand("python3 -m pip install --no-cache-dir -r requirements.txt"))
        #expect(pm.manager == .pip)
        #expect(pm.avoidsCache)
        #expect(pm.requirementFiles == [.path("requirements.txt")])
        #expect(pm.invocation.name == "python3")
        #expect(try #require(packageCommand("python -m pip install --upgrade pip")).packageNames == ["pip"])
        #expect(try #require(packageCommand("/usr/local/bin/python3.12 -m pip install x")).action == .install)
        #expect(packageCommand("python3 -m venv /venv") == nil)
        #expect(packageCommand("python3 setup.py install") == nil)
    }

    @Test func pipNames() throws {
        for text in [
            "pip3 install x", "pip3.11 install x", "/opt/venv/bin/pip install x", "uv pip install x",
        ] {
            #expect(try #require(packageCommand(text), "\(text)").manager == .pip)
        }
        #expect(packageCommand("pipenv install") == nil)
        #expect(packageCommand("pipx install x") == nil)
    }

    @Test func pipLocalProject() throws {
        #expect(try #require(packageCommand("pip install .")).installsLocalProject)
        #expect(try #require(packageCommand("pip install -e .")).installsLocalProject)
        #expect(try #require(packageCommand("pip install --editable ./pkg")).installsLocalProject)
        #expect(try #require(packageCommand("pip install flask")).installsLocalProject == false)
    }

    @Test func pipOtherActions() throws {
        #expect(try #require(packageCommand("pip uninstall -y x")).action == .remove)
        #expect(try #require(packageCommand("pip uninstall -y x")).isNonInteractive)
        #expect(try #require(packageCommand("pip cache purge")).action == .clean)
        #expect(try #require(packageCommand("pip download -d /wheels x")).action == .download)
        #expect(try #require(packageCommand("pip freeze")).action == .other("freeze"))
    }

    @Test func npm() throws {
        let cases: [(String, PackageAction)] = [
            ("npm ci", .cleanInstall), ("npm install", .install), ("npm i --production", .install),
            ("npm run build", .run("build")), ("npm run-script test -- --ci", .run("test")),
            ("npm start", .run("start")),
            ("npm cache clean --force", .clean), ("npm uninstall x", .remove),
            ("npm prune --production", .other("prune")),
        ]
        for (text, action) in cases {
            #expect(try #require(packageCommand(text)).action == action, "\(text)")
        }
        let global = try #require(packageCommand("npm install -g @angular/cli@17 typescript"))
        #expect(global.packageNames == ["@angular/cli@17", "typescript"])
        #expect(global.hasOption("-g"))
        #expect(
            try #require(packageCommand("npm cache clean --force")).subcommand.map(\.literal) == [
                "cache", "clean",
            ])
    }

    @Test func yarn() throws {
        let bare = try #require(packageCommand("yarn --frozen-lockfile"))
        #expect(bare.manager == .yarn)
        #expect(bare.action == .install)
        #expect(bare.hasOption("--frozen-lockfile"))
        #expect(try #require(packageCommand("yarn")).action == .install)
        #expect(
            try #require(packageCommand("yarn install --production --frozen-lockfile")).action == .install)
        #expect(try #require(packageCommand("yarn add react")).packageNames == ["react"])
        #expect(try #require(packageCommand("yarn cache clean")).action == .clean)
        #expect(try #require(packageCommand("yarn build")).action == .run("build"))
        #expect(try #require(packageCommand("yarn run build")).action == .run("build"))
        #expect(try #require(packageCommand("yarn global add serve")).action == .install)
        #expect(try #require(packageCommand("yarn config set x y")).action == .other("config"))
    }

    @Test func pnpm() throws {
        #expect(try #require(packageCommand("pnpm install --frozen-lockfile")).action == .install)
        #expect(try #require(packageCommand("pnpm i")).action == .install)
        #expect(try #require(packageCommand("pnpm store prune")).action == .clean)
        #expect(try #require(packageCommand("pnpm fetch --prod")).action == .download)
        #expect(try #require(packageCommand("pnpm run build")).action == .run("build"))
        #expect(try #require(packageCommand("pnpm build")).action == .run("build"))
    }

    @Test func rubyAndPhp() throws {
        let gem = try #require(packageCommand("gem install bundler -v 2.4.22 --no-document"))
        #expect(gem.manager == .gem)
        #expect(gem.action == .install)
        #expect(gem.packageNames == ["bundler"])
        #expect(gem.hasOption("--no-document"))
        #expect(try #require(packageCommand("bundle install --jobs 4 --retry 3")).action == .install)
        #expect(try #require(packageCommand("bundle")).action == .install)
        #expect(
            try #require(packageCommand("bundle config set --local without development")).action
                == .other("config"))
        let composer = try #require(
            packageCommand("composer install --no-dev --no-scripts --no-cache --optimize-autoloader"))
        #expect(composer.manager == .composer)
        #expect(composer.action == .install)
        #expect(composer.hasOption("--no-dev") && composer.hasOption("--no-scripts"))
        #expect(composer.avoidsCache)
        #expect(try #require(packageCommand("composer clear-cache")).action == .clean)
    }

    @Test func go() throws {
        #expect(try #require(packageCommand("go mod download")).action == .download)
        let build = try #require(
            packageCommand("CGO_ENABLED=0 go build -ldflags=\"-s -w\" -o /out/app ./cmd/app"))
        #expect(build.action == .build)
        #expect(build.outputPath == .path("/out/app"))
        #expect(build.packageNames == ["./cmd/app"])
        #expect(build.hasOption("-ldflags"))
        let install = try #require(packageCommand("go install github.com/x/y@latest"))
        #expect(install.action == .install)
        #expect(install.packageNames == ["github.com/x/y@latest"])
        #expect(try #require(packageCommand("go mod tidy")).action == .other("mod tidy"))
        #expect(parse("go clean -modcache").cacheCleanups.map(\.family) == [.go])
    }

    @Test func cargo() throws {
        let build = try #require(packageCommand("cargo build --release --locked"))
        #expect(build.action == .build)
        #expect(build.hasOption("--release"))
        #expect(try #require(packageCommand("cargo fetch")).action == .download)
        let install = try #require(packageCommand("cargo install --path . --root /usr/local"))
        #expect(install.action == .install)
        #expect(install.installsLocalProject)
        #expect(install.outputPath == .path("/usr/local"))
    }

    @Test func jvm() throws {
        #expect(try #require(packageCommand("mvn -B dependency:go-offline")).action == .download)
        let package = try #require(packageCommand("mvn -B -DskipTests clean package"))
        #expect(package.action == .build)
        #expect(package.hasOption("-DskipTests"))
        #expect(try #require(packageCommand("./mvnw package")).manager == .maven)
        #expect(try #require(packageCommand("./gradlew build --no-daemon -x test")).action == .build)
        #expect(try #require(packageCommand("gradle bootJar")).manager == .gradle)
        #expect(try #require(packageCommand("gradle dependencies")).action == .download)
    }

    @Test func dotnet() throws {
        #expect(try #require(packageCommand("dotnet restore")).action == .restore)
        let publish = try #require(packageCommand("dotnet publish -c Release -o /app/publish --no-restore"))
        #expect(publish.action == .publish)
        #expect(publish.outputPath == .path("/app/publish"))
        #expect(try #require(packageCommand("dotnet tool install -g dotnet-ef")).action == .install)
    }

    @Test func condaAndMamba() throws {
        let install = try #require(packageCommand("conda install -y -c conda-forge numpy"))
        #expect(install.manager == .conda)
        #expect(install.action == .install)
        #expect(install.isNonInteractive)
        #expect(install.packageNames == ["numpy"])
        #expect(try #require(packageCommand("conda clean -afy")).action == .clean)
        #expect(try #require(packageCommand("mamba install --yes x")).manager == .mamba)
        let env = try #require(packageCommand("conda env create -f environment.yml"))
        #expect(env.action == .install)
        #expect(env.requirementFiles == [.path("environment.yml")])
        #expect(parse("conda clean -afy").cacheCleanups.map(\.family) == [.conda])
    }
}
