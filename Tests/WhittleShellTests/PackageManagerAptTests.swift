import Testing
import WhittleShell

@Suite("Package managers: apt and apk")
struct PackageManagerAptTests {
    @Test func aptInstall() throws {
        let pm = try #require(
            packageCommand("apt-get install -y --no-install-recommends curl ca-certificates=2023*"))
        #expect(pm.manager == .aptGet)
        #expect(pm.manager.family == .apt)
        #expect(pm.action == .install)
        #expect(pm.packageNames == ["curl", "ca-certificates=2023*"])
        #expect(pm.isNonInteractive)
        #expect(pm.skipsRecommends)
        #expect(pm.subcommand.map(\.literal) == ["install"])
        #expect(pm.hasOption("-y"))
    }

    @Test func aptNonInteractiveSpellings() throws {
        for text in [
            "apt-get install -y x", "apt-get install --yes x", "apt-get install --assume-yes x",
            "apt-get -qq install x", "apt-get -qy install x", "apt-get -q -q install x",
            "apt-get -q=2 install x",
        ] {
            #expect(try #require(packageCommand(text)).isNonInteractive, "\(text)")
        }
        #expect(try #require(packageCommand("apt-get install x")).isNonInteractive == false)
        #expect(try #require(packageCommand("apt-get -q install x")).isNonInteractive == false)
    }

    @Test func aptRecommendsThroughOption() throws {
        let pm = try #require(packageCommand("apt-get -o APT::Install-Recommends=false install -y x"))
        #expect(pm.skipsRecommends)
        #expect(pm.packageNames == ["x"])
        #expect(try #require(packageCommand("apt-get install -y x")).skipsRecommends == false)
    }

    @Test func aptActions() throws {
        let cases: [(String, PackageAction)] = [
            ("apt-get update", .update), ("apt-get -y upgrade", .upgrade),
            ("apt-get dist-upgrade -y", .upgrade),
            ("apt-get clean", .clean), ("apt-get autoremove -y", .autoremove),
            ("apt-get purge -y --auto-remove curl", .purge), ("apt-get remove x", .remove),
            ("apt install -y x", .install), ("aptitude install -y x", .install),
            ("apt-get source x", .other("source")),
        ]
        for (text, action) in cases {
            #expect(try #require(packageCommand(text)).action == action, "\(text)")
        }
        #expect(try #require(packageCommand("apt install x")).manager == .apt)
        #expect(try #require(packageCommand("aptitude install x")).manager == .aptitude)
    }

    @Test func onlyTheCommandPositionCounts() {
        #expect(packageCommand("echo apt-get install foo") == nil)
        #expect(parse("echo 'apt-get install foo' | sh").packageManagerCommands.isEmpty)
    }

    @Test func wrappersAreFollowed() throws {
        let pm = try #require(packageCommand("sudo -E DEBIAN_FRONTEND=noninteractive apt-get install -y x"))
        #expect(pm.action == .install)
        #expect(pm.invocation.wrappers == ["sudo"])
        #expect(
            try #require(packageCommand("env DEBIAN_FRONTEND=noninteractive apt-get update")).action
                == .update)
    }

    @Test func fullPath() throws {
        #expect(try #require(packageCommand("/usr/bin/apt-get update")).action == .update)
    }

    @Test func dynamicPackages() throws {
        let pm = try #require(packageCommand("apt-get install -y $BUILD_DEPS \"$RUNTIME\""))
        #expect(pm.packages.count == 2)
        #expect(pm.packageNames.isEmpty)
    }

    @Test func apkAdd() throws {
        let pm = try #require(packageCommand("apk add --no-cache --virtual .build-deps gcc musl-dev"))
        #expect(pm.manager == .apk)
        #expect(pm.action == .install)
        #expect(pm.virtualPackage == ".build-deps")
        #expect(pm.packageNames == ["gcc", "musl-dev"])
        #expect(pm.avoidsCache)
        #expect(pm.isNonInteractive)
    }

    @Test func apkVariants() throws {
        let short = try #require(packageCommand("apk add -U -t deps curl"))
        #expect(short.virtualPackage == "deps")
        #expect(short.hasOption("-U"))
        #expect(short.packageNames == ["curl"])
        #expect(!short.avoidsCache)
        #expect(try #require(packageCommand("apk add --update --no-cache x")).hasOption("--update"))
        #expect(try #require(packageCommand("apk update")).action == .update)
        #expect(try #require(packageCommand("apk del .build-deps")).action == .remove)
        #expect(try #require(packageCommand("apk cache clean")).action == .clean)
        #expect(try #require(packageCommand("apk upgrade --no-cache")).action == .upgrade)
    }

    @Test func aptListsCleanupSpellings() {
        for text in [
            "rm -rf /var/lib/apt/lists/*", "rm -rf /var/lib/apt/lists/", "rm -fr /var/lib/apt/lists",
            "rm -Rf /var/lib/apt/lists/*", "rm -r -f /var/lib/apt/lists/*",
            "rm --recursive --force /var/lib/apt/lists/*",
            "rm -rf /tmp/* /var/lib/apt/lists/* /var/tmp/*", "rm -rf /var/lib/apt/lists/* /var/cache/apt/*",
        ] {
            let script = parse(text)
            #expect(script.removesAptLists, "\(text)")
            #expect(script.cacheCleanups.map(\.family) == [.apt], "\(text)")
        }
        #expect(!parse("rm -rf /var/cache/apt/archives/*.deb").removesAptLists)
        #expect(!parse("echo rm -rf /var/lib/apt/lists/*").removesAptLists)
        #expect(!parse("apt-get clean").removesAptLists)
    }
}
