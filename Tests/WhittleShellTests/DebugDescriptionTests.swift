import Testing
import WhittleShell

@Suite("Debug description")
struct DebugDescriptionTests {
    @Test func commandsWithAnnotations() {
        let script = parse(
            "set -eux; apt-get update && apt-get install -y curl; x=\"$(mktemp -d)\"; cd \"$x\" || exit 1; curl -fsSLo a.tgz \"$U\"; tar -xzf a.tgz -C /opt; rm -rf /var/lib/apt/lists/* # done"
        )
        let expected = """
              cmd[0] uncond top: set -eux  [leak set]
              cmd[1] uncond top: apt-get update  [apt update]
              cmd[2] uncond top: apt-get install -y curl  [apt install: curl]
              cmd[3] uncond top: x="$(mktemp -d)"  [leak assignment]
              cmd[4] cond subst: mktemp -d  [mktemp -d -> x]
              cmd[5] uncond top: cd "$x"  [leak cd]
              cmd[6] cond top: exit 1  [leak exit]
              cmd[7] uncond top: curl -fsSLo a.tgz "$U"  [curl -> file a.tgz]
              cmd[8] uncond top: tar -xzf a.tgz -C /opt  [tar a.tgz -> /opt]
              cmd[9] uncond top: rm -rf /var/lib/apt/lists/*  [cleanup apt]
              trailing comment: # done

            """
        #expect(debugDescription(of: script) == expected)
    }

    @Test func nestedAndEscaped() {
        let script = parse("f() { echo \"a\tb\"; }\nsleep 1 &\ncat <<E\nx\nE")
        let expected = """
              cmd[0] cond fn: echo "a\\tb"
              cmd[1] cond top bg: sleep 1
              cmd[2] uncond top: cat <<E

            """
        #expect(debugDescription(of: script) == expected)
    }

    @Test func opaqueLine() {
        #expect(debugDescription(of: parse("echo 'x")) == "  opaque: unterminated single quote at offset 5\n")
    }

    @Test func emptyScriptIsEmpty() {
        #expect(debugDescription(of: parse("")) == "")
    }
}
