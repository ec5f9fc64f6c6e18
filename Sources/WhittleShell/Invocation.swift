/// The program a simple command really runs, once wrappers are peeled off:
/// `sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install -y curl` invokes `apt-get` with
/// `install -y curl`.
///
/// Wrappers followed (their options are skipped; when an option word is not static, unwrapping
/// stops at the wrapper): `sudo`, `env` (assignments are collected in `environment`), `nohup`,
/// `time [-p]`, `command [-p]` (not `command -v`/`-V`, which only look a name up), `exec [-cl]
/// [-a NAME]`, `nice`, `timeout DURATION`, `stdbuf`, `ionice`, `eatmydata`, `fakeroot`, `builtin`,
/// `gosu USER`, `su-exec USER`, `chronic`.
///
/// Not followed: `xargs` (its command gets arguments at run time), `sh -c '...'` / `bash -c`
/// (the script is a string argument; passes treat it as one opaque command), `su -c`, `chroot`,
/// `find -exec`.
public struct Invocation: Sendable, Equatable {
    /// The command word followed by its arguments.
    public let words: [Word]
    /// Wrapper programs peeled off, outermost first (`["sudo", "env"]`).
    public let wrappers: [String]
    /// `NAME=value` words given to `env` or `sudo`.
    public let environment: [Word]

    /// The command word.
    public var commandWord: Word { words[0] }
    /// The literal command name (`/usr/bin/pip3`), nil when dynamic.
    public var name: String? { words[0].literal }
    /// The name without its directory (`pip3`).
    public var baseName: String? { name.map(baseNameOf) }
    /// The words after the command name.
    public var args: [Word] { Array(words[1...]) }
}

extension SimpleCommand {
    /// The unwrapped invocation, nil when the command has no words.
    public var invocation: Invocation? {
        guard !words.isEmpty else { return nil }
        var start = 0
        var wrappers: [String] = []
        var environment: [Word] = []
        for _ in 0..<8 {
            guard let name = words[start].literal.map(baseNameOf),
                let next = Invocation.skipWrapper(name, words, from: start + 1, environment: &environment)
            else { break }
            guard next < words.count else { break }
            wrappers.append(name)
            start = next
        }
        if start == 0 { environment = [] }
        return Invocation(words: Array(words[start...]), wrappers: wrappers, environment: environment)
    }
}

extension Invocation {
    /// Options of wrappers that take a value in the next word.
    static let wrapperValueOptions: [String: Set<String>] = [
        "sudo": [
            "-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group", "--host",
            "--prompt", "--close-from", "--chdir", "--role", "--type", "--other-user", "--command-timeout",
        ],
        "env": ["-u", "--unset", "-C", "--chdir"],
        "time": ["-f", "--format", "-o", "--output"],
        "exec": ["-a"],
        "nice": ["-n", "--adjustment"],
        "timeout": ["-s", "--signal", "-k", "--kill-after"],
        "stdbuf": ["-i", "-o", "-e", "--input", "--output", "--error"],
        "ionice": ["-c", "-n", "-p", "-P", "-u", "--class", "--classdata"],
        "command": [],
        "nohup": [], "eatmydata": [], "fakeroot": [], "builtin": [], "chronic": [],
        "gosu": [], "su-exec": [],
    ]

    /// Where the wrapped command starts when `name` is a wrapper whose arguments start at `from`;
    /// nil when `name` is not a wrapper or its arguments cannot be read statically.
    static func skipWrapper(_ name: String, _ words: [Word], from: Int, environment: inout [Word]) -> Int? {
        guard let valueOptions = wrapperValueOptions[name] else { return nil }
        var i = from
        var localEnvironment: [Word] = []
        // Options.
        while i < words.count {
            guard let text = words[i].literal else {
                if words[i].staticPrefix.hasPrefix("-") { return nil }
                break
            }
            guard text.hasPrefix("-") else { break }
            if text == "-" {
                guard name == "env" else { break }
                i += 1
                continue
            }
            if text == "--" {
                i += 1
                break
            }
            if name == "command" && (text.hasPrefix("-v") || text.hasPrefix("-V")) { return nil }
            if name == "env" && (text == "-S" || text.hasPrefix("--split-string")) { return nil }
            if name == "nice", text.dropFirst().allSatisfy(\.isNumber) {
                i += 1
                continue
            }
            i += valueOptions.contains(text) ? 2 : 1
        }
        // Wrapper-specific positional arguments and assignments.
        switch name {
        case "sudo", "env":
            while i < words.count, let text = words[i].literal, isAssignmentText(text) {
                localEnvironment.append(words[i])
                i += 1
            }
            if i < words.count && words[i].literal == nil && isAssignmentText(words[i].staticPrefix) {
                return nil
            }
        case "timeout", "gosu", "su-exec":
            guard i < words.count, words[i].literal != nil else { return nil }
            i += 1
        default:
            break
        }
        guard i < words.count, words[i].literal != nil else { return nil }
        environment.append(contentsOf: localEnvironment)
        return i
    }

    /// Whether `text` looks like `NAME=value`.
    static func isAssignmentText(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return false }
        let name = text[..<equals].utf8
        guard let first = name.first, Byte.isNameStart(first) else { return false }
        return name.allSatisfy(Byte.isNameChar)
    }
}

extension Invocation {
    /// Shells whose `-c STRING` runs a script given as an argument.
    static let shells: Set<String> = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"]

    /// For `sh -c 'script'`, `bash -euxc "..."`, `busybox sh -c ...`: the word holding the script.
    /// This module does not parse it (its text is a string value, not part of the logical text's
    /// syntax); passes should treat such a command as one opaque step.
    public var shellCommandString: Word? {
        guard let name = baseName, Invocation.shells.contains(name) else { return nil }
        var rest = args[...]
        if name == "busybox" {
            guard let applet = rest.first?.literal, Invocation.shells.contains(applet) else { return nil }
            rest = rest.dropFirst()
        }
        var sawC = false
        while let word = rest.first {
            guard let text = word.literal, text.hasPrefix("-") || text.hasPrefix("+"), text != "-",
                text != "--"
            else { break }
            if text == "-o" || text == "+o" {
                rest = rest.dropFirst(2)
                continue
            }
            if !text.hasPrefix("--") && text.dropFirst().contains("c") { sawC = true }
            rest = rest.dropFirst()
        }
        if rest.first?.literal == "--" { rest = rest.dropFirst() }
        return sawC ? rest.first : nil
    }
}
