import Testing
import WhittleShell

@Suite("Package managers: dnf, yum, microdnf, zypper")
struct PackageManagerRpmTests {
    @Test func dnfInstall() throws {
        let pm = try #require(
            packageCommand("dnf install -y --setopt=install_weak_deps=False --nodocs httpd mod_ssl"))
        #expect(pm.manager == .dnf)
        #expect(pm.manager.family == .rpm)
        #expect(pm.action == .install)
        #expect(pm.packageNames == ["httpd", "mod_ssl"])
        #expect(pm.isNonInteractive)
        #expect(pm.skipsRecommends)
        #expect(pm.hasOption("--nodocs"))
    }

    @Test func setoptAsSeparateWord() throws {
        let pm = try #require(packageCommand("microdnf --setopt install_weak_deps=0 install x"))
        #expect(pm.manager == .microdnf)
        #expect(pm.skipsRecommends)
        #expect(pm.packageNames == ["x"])
        // microdnf never asks.
        #expect(pm.isNonInteractive)
    }

    @Test func yumOptionsBeforeTheCommand() throws {
        let pm = try #require(packageCommand("yum -y --enablerepo=epel install nginx"))
        #expect(pm.manager == .yum)
        #expect(pm.action == .install)
        #expect(pm.packageNames == ["nginx"])
        #expect(pm.isNonInteractive)
    }

    @Test func rpmActions() throws {
        let cases: [(String, PackageAction)] = [
            ("yum clean all", .clean), ("dnf clean all", .clean), ("microdnf clean all", .clean),
            ("dnf makecache", .makecache), ("yum update -y", .upgrade), ("dnf upgrade", .upgrade),
            ("yum remove -y x", .remove), ("dnf autoremove", .autoremove),
            ("yum groupinstall -y 'Dev Tools'", .install),
            ("dnf group install -y x", .install), ("tdnf install -y x", .install),
            ("dnf module enable nodejs:18", .other("module")),
        ]
        for (text, action) in cases {
            #expect(try #require(packageCommand(text)).action == action, "\(text)")
        }
        #expect(try #require(packageCommand("yum clean all")).packageNames == ["all"])
    }

    @Test func keepcacheOption() throws {
        #expect(try #require(packageCommand("dnf install -y --setopt=keepcache=0 x")).avoidsCache)
    }

    @Test func zypperNonInteractive() throws {
        let pm = try #require(packageCommand("zypper --non-interactive install --no-recommends curl"))
        #expect(pm.manager == .zypper)
        #expect(pm.action == .install)
        #expect(pm.isNonInteractive)
        #expect(pm.skipsRecommends)
        #expect(pm.packageNames == ["curl"])
        #expect(try #require(packageCommand("zypper -n in x")).isNonInteractive)
        #expect(try #require(packageCommand("zypper in -y x")).isNonInteractive)
        #expect(try #require(packageCommand("zypper install x")).isNonInteractive == false)
    }

    @Test func zypperActions() throws {
        let cases: [(String, PackageAction)] = [
            ("zypper clean -a", .clean), ("zypper cc --all", .clean), ("zypper refresh", .update),
            ("zypper ref", .update),
            ("zypper up -y", .upgrade), ("zypper dup", .upgrade), ("zypper rm x", .remove),
            ("zypper in x", .install),
        ]
        for (text, action) in cases {
            #expect(try #require(packageCommand(text)).action == action, "\(text)")
        }
        #expect(try #require(packageCommand("zypper clean -a")).hasOption("-a"))
    }

    @Test func managerCleanCommandsAreCacheCleanups() {
        let script = parse(
            "yum clean all && dnf clean all && zypper clean && apt-get clean && microdnf clean all")
        #expect(script.cacheCleanups.map(\.family) == [.rpm, .rpm, .zypper, .apt, .rpm])
        #expect(script.cacheCleanups[0].method == .managerCommand(.yum))
    }

    @Test func cacheDirectoryRemovals() {
        let cases: [(String, PackageManagerFamily)] = [
            ("rm -rf /var/cache/apk/*", .apk), ("rm -rf /var/cache/yum", .rpm),
            ("rm -rf /var/cache/dnf/*", .rpm),
            ("rm -rf ~/.cache/pip", .pip), ("rm -rf /root/.cache/pip/*", .pip), ("rm -rf $HOME/.npm", .npm),
            ("rm -rf \"${HOME}/.cache/yarn\"", .yarn), ("rm -rf /usr/local/share/.cache/yarn", .yarn),
            ("rm -rf /root/.m2/repository", .jvm),
        ]
        for (text, family) in cases {
            #expect(parse(text).cacheCleanups.map(\.family) == [family], "\(text)")
        }
        #expect(parse("rm -rf /tmp/*").cacheCleanups.isEmpty)
        #expect(parse("rm -rf \"$TMP/x\"").cacheCleanups.isEmpty)
    }
}
