import Testing
import WhittleShell

@Suite("Flags and operands")
struct FlagTests {
    func command(_ text: String) -> SimpleCommand { parse(text).commands[0] }

    @Test func shortLongAndCombinedFlags() {
        let c = command("apt-get install -qy --no-install-recommends --option=x curl")
        #expect(c.hasFlag("-y"))
        #expect(c.hasFlag("-q"))
        #expect(c.hasFlag("-y", "--yes"))
        #expect(c.hasFlag("--no-install-recommends"))
        #expect(c.hasFlag("--option"))
        #expect(!c.hasFlag("-n"))
        #expect(!c.hasFlag("--no-install"))
    }

    @Test func yesSpellings() {
        for text in [
            "apt-get install -y x", "apt-get install --yes x", "apt-get install --assume-yes x",
            "apt-get -qq -y install x", "apt-get install -yq x",
        ] {
            #expect(command(text).hasFlag("-y", "--yes", "--assume-yes"), "\(text)")
        }
        #expect(!command("apt-get install yes").hasFlag("-y", "--yes"))
    }

    @Test func clusterMustBeLettersOrDigits() {
        #expect(!command("apt-get -oDpkg::Options::=--force-confold install").hasFlag("-y"))
        #expect(command("tar -xzvf a.tgz").hasFlag("-z"))
    }

    @Test func flagsStopAtDoubleDash() {
        let c = command("rm -f -- -y")
        #expect(c.hasFlag("-f"))
        #expect(!c.hasFlag("-y"))
    }

    @Test func dynamicFlagsCountByTheirStaticPrefix() {
        let c = command("useradd --uid=$UID --shell \"$SH\" app")
        #expect(c.hasFlag("--uid"))
        #expect(c.hasFlag("--shell"))
    }

    @Test func multiLetterSingleDashNamesMatchExactly() {
        let c = command("go build -ldflags=-s -trimpath")
        #expect(c.hasFlag("-ldflags"))
        #expect(c.hasFlag("-trimpath"))
        #expect(!c.hasFlag("-ldflag"))
    }

    @Test func argumentsWithoutFlags() {
        let c = command(
            "curl -fsSL -o /tmp/x --retry 3 https://example.com/a -H 'A: b' https://example.com/b")
        let operands = c.argumentsWithoutFlags(flagsWithValues: ["-o", "--retry", "-H"])
        #expect(operands.map(\.literal) == ["https://example.com/a", "https://example.com/b"])
    }

    @Test func argumentsWithoutFlagsHandlesAttachedValuesAndClusters() {
        let c = command("tar -xzf archive.tgz -C/opt --exclude=x member -- -weird")
        let operands = c.argumentsWithoutFlags(flagsWithValues: ["-f", "-C"])
        #expect(operands.map(\.literal) == ["member", "-weird"])
    }

    @Test func argumentsWithoutFlagsKeepsDash() {
        let c = command("apt-key add -")
        #expect(c.argumentsWithoutFlags().map(\.literal) == ["add", "-"])
    }

    @Test func nameAndBaseName() {
        let c = command("/usr/local/bin/pip3 install x")
        #expect(c.name == "/usr/local/bin/pip3")
        #expect(c.baseName == "pip3")
        #expect(command("\"$CMD\" x").name == nil)
    }

    @Test func invocationUnwrapsWrappers() throws {
        let cases: [(String, String, [String])] = [
            ("sudo apt-get install x", "apt-get", ["sudo"]),
            ("sudo -E -u root apt-get install x", "apt-get", ["sudo"]),
            ("env DEBIAN_FRONTEND=noninteractive apt-get install x", "apt-get", ["env"]),
            ("sudo env -i PATH=/bin apt-get update", "apt-get", ["sudo", "env"]),
            ("nohup time -p nice -n 10 make", "make", ["nohup", "time", "nice"]),
            ("timeout 30 curl x", "curl", ["timeout"]),
            ("gosu postgres initdb", "initdb", ["gosu"]),
            ("exec nginx -g 'daemon off;'", "nginx", ["exec"]),
            ("eatmydata apt-get install x", "apt-get", ["eatmydata"]),
            ("command -p ls", "ls", ["command"]),
        ]
        for (text, name, wrappers) in cases {
            let invocation = try #require(command(text).invocation)
            #expect(invocation.name == name, "\(text)")
            #expect(invocation.wrappers == wrappers, "\(text)")
        }
    }

    @Test func invocationDoesNotFollowEverything() throws {
        #expect(try #require(command("command -v git").invocation).name == "command")
        #expect(try #require(command("xargs rm -f").invocation).name == "xargs")
        #expect(try #require(command("sh -c 'apt-get install x'").invocation).name == "sh")
        #expect(try #require(command("sudo").invocation).name == "sudo")
        #expect(try #require(command("env").invocation).name == "env")
        #expect(try #require(command("sudo -u $USER make").invocation).name == "make")
        #expect(try #require(command("sudo $CMD").invocation).name == "sudo")
    }

    @Test func envAssignmentsAreCollected() throws {
        let invocation = try #require(command("env A=1 B=2 make").invocation)
        #expect(invocation.environment.map(\.literal) == ["A=1", "B=2"])
    }
}

@Suite("Shell strings and name lookups")
struct ShellStringTests {
    @Test func shellCommandString() throws {
        let cases: [(String, String?)] = [
            ("sh -c 'apt-get update'", "apt-get update"), ("bash -euxc \"make\"", "make"),
            ("/bin/bash -o pipefail -c 'a | b'", "a | b"), ("busybox sh -c x", "x"), ("bash script.sh", nil),
            ("sudo sh -c 'echo hi > /f'", "echo hi > /f"), ("echo sh -c x", nil),
        ]
        for (text, expected) in cases {
            let invocation = try #require(parse(text).commands[0].invocation)
            #expect(invocation.shellCommandString?.literal == expected, "\(text)")
        }
    }

    @Test func commandsNamed() {
        let script = parse("sudo apt-get update && /usr/bin/apt-get install x; echo apt-get")
        #expect(script.commands(named: "apt-get").count == 2)
    }
}
