/// Whether a PowerShell script leaves nothing behind that a script run after it could notice
/// except files: the condition for running another RUN's script after it in the same
/// PowerShell session (a merged RUN), or after it in the same cmd.exe line.
///
/// It is an allow list, not a guess: every command must be a cmdlet known to work on files,
/// output or downloads only (`Invoke-WebRequest`, `Expand-Archive`, `Remove-Item`,
/// `Write-Host`, ...). Anything else (a program, which may be an installer that changes the
/// machine's PATH for the next RUN; `Start-Process`; `Set-Location`; a call to `[Environment]`;
/// a loop or a function) is a reason to keep the RUNs apart.
public enum PowerShellAudit {
    public enum Mode: Sendable {
        /// The script runs in the session the next script runs in (`SHELL ["powershell",
        /// "-Command", ...]`, merged RUNs): variables, the location, `$env:` and preferences
        /// would carry over, so none may be set; `exit` must fail.
        case sharedSession
        /// The script is a child process (`powershell -Command "..."` on a cmd.exe line): its
        /// variables and `$env:` die with it; only the machine state matters.
        case childProcess
    }

    /// Cmdlets (and their usual aliases) that act on files, output and downloads only.
    public static let fileCmdlets: Set<String> = [
        "write-host", "write-output", "write-verbose", "write-information", "write-warning", "echo",
        "invoke-webrequest", "iwr", "expand-archive", "compress-archive", "remove-item", "rm", "del",
        "erase", "rd", "rmdir", "ri", "new-item", "ni", "mkdir", "md", "copy-item", "cp", "copy", "cpi",
        "move-item", "mv", "move", "mi", "rename-item", "ren", "rni", "set-content", "add-content",
        "ac", "out-file", "out-null", "out-string", "get-filehash", "get-childitem", "gci", "dir", "ls",
        "test-path", "start-sleep", "sleep", "get-content", "gc", "cat", "type", "get-item", "gi",
        "select-object", "select", "where-object", "where", "?", "sort-object", "sort",
        "measure-object", "format-table", "format-list", "unblock-file", "get-date", "join-path",
        "split-path", "resolve-path", "convertto-json", "convertfrom-json", "foreach-object", "%",
        "tee-object", "get-command", "gcm",
    ]

    /// Programs that only read and write files, allowed in a child process.
    public static let filePrograms: Set<String> = [
        "tar", "curl", "wget", "git", "certutil", "expand", "icacls", "robocopy", "xcopy", "findstr",
    ]

    /// Types whose static members only compute or touch files.
    static let fileTypes: Set<String> = [
        "system.io.path", "io.path", "system.io.file", "io.file", "system.io.directory", "io.directory",
        "system.io.compression.zipfile", "io.compression.zipfile", "math", "system.math", "string",
        "system.string", "int", "version", "system.version", "convert", "system.convert",
        "text.encoding", "system.text.encoding", "uri", "system.uri", "net.securityprotocoltype",
        "system.net.securityprotocoltype",
    ]

    /// Keywords that may start a statement of an audited script.
    static let allowedKeywords: Set<String> = ["if", "elseif", "else", "throw"]
    static let otherKeywords: Set<String> = [
        "foreach", "for", "while", "do", "until", "switch", "function", "filter", "workflow", "param",
        "trap", "try", "catch", "finally", "break", "continue", "return", "begin", "process", "end",
        "data", "dynamicparam", "class", "enum", "using", "configuration", "exit",
    ]

    /// Why `script` could affect a script run after it, or nil when it cannot. Programs whittle
    /// does not know count as problems here; `hazard(in:mode:)` tells them apart.
    public static func problem(in script: String, mode: Mode) -> String? {
        var assigned: Set<String>? = nil
        var unknown: [String]? = nil
        return problem(in: script, mode: mode, assigned: &assigned, unknownPrograms: &unknown)
    }

    /// Like `problem(in:mode:)`, but external programs whittle knows nothing about (a `.exe`, or a
    /// name in `WindowsProgram.knownPrograms` such as `npm`) are collected as
    /// `.unknownPrograms` rather than ending the audit.
    public static func hazard(in script: String, mode: Mode) -> WindowsChainHazard? {
        var assigned: Set<String>? = nil
        var unknown: [String]? = []
        if let p = problem(in: script, mode: mode, assigned: &assigned, unknownPrograms: &unknown) {
            return .changesState(p)
        }
        return unknown.flatMap { $0.isEmpty ? nil : .unknownPrograms($0) }
    }

    /// Like `problem(in:mode:)`, but plain variables may be set in a shared session: their
    /// names (lowercased) are returned, and the scripts after it must not mention them (see
    /// `mentions(_:in:)`). Preference and automatic variables, scoped ones and `$env:` are still
    /// problems.
    /// `unknownPrograms`: the external programs the script runs that whittle knows nothing about
    /// (see `hazard(in:mode:)`); `problem` is nil when they are the only concern.
    public static func audit(_ script: String) -> (
        problem: String?, assignedVariables: Set<String>, unknownPrograms: [String]
    ) {
        var assigned: Set<String>? = []
        var unknown: [String]? = []
        let p = problem(in: script, mode: .sharedSession, assigned: &assigned, unknownPrograms: &unknown)
        return (p, assigned ?? [], unknown ?? [])
    }

    /// Stands in `audit`'s assigned variables for `[Net.ServicePointManager]::SecurityProtocol =`:
    /// the TLS versions the session's .NET web requests offer. A later script that makes no
    /// web request of its own (`webRequests(in:)`) cannot tell.
    public static let securityProtocolMarker = "[net.servicepointmanager]::securityprotocol"

    static func isSecurityProtocol(_ type: String, _ member: String) -> Bool {
        let t = type.lowercased()
        return (t == "net.servicepointmanager" || t == "system.net.servicepointmanager")
            && member.lowercased().hasPrefix("::securityprotocol")
    }

    /// Whether a script may make a web request in the session (where the session's TLS setting
    /// applies): a download cmdlet or alias, .NET's web classes, PowerShellGet and PackageManagement.
    public static func webRequests(in script: String) -> Bool {
        let lower = script.lowercased()
        let markers = [
            "invoke-webrequest", "iwr", "invoke-restmethod", "irm", "wget", "curl", "webclient",
            "system.net", "net.http", "start-bitstransfer", "-module", "-package", "-psrepository",
            "-script", "iex", "invoke-expression", "httpclient", "webrequest",
        ]
        return markers.contains { lower.contains($0) }
    }

    /// Variables PowerShell itself reads or sets.
    static let automaticVariables: Set<String> = [
        "psdefaultparametervalues", "ofs", "maximumhistorycount", "formatenumerationlimit", "pssessionoption",
        "lastexitcode", "null", "true", "false", "_", "input", "args", "this", "matches", "error", "host",
        "home", "pwd", "pshome", "psitem", "psscriptroot", "pscommandpath", "myinvocation",
        "executioncontext", "stacktrace", "nestedpromptlevel", "psculture", "psuiculture",
        "psnativecommandargumentpassing", "psnativecommanduseerroractionpreference", "psstyle",
    ]

    /// Whether `script` mentions any of `variables` (`$name`, `${name}`, `$scope:name`), or
    /// reaches variables by name (`Get-Variable`, the `variable:` drive).
    public static func mentions(_ variables: Set<String>, in script: String) -> Bool {
        guard !variables.isEmpty else { return false }
        let text = Array(script.lowercased())
        if script.lowercased().contains("variable") { return true }
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var i = 0
        while i < text.count {
            guard text[i] == "$" else {
                i += 1
                continue
            }
            var j = i + 1
            var name = ""
            if j < text.count && text[j] == "{" {
                j += 1
                while j < text.count && text[j] != "}" {
                    name.append(text[j])
                    j += 1
                }
            } else {
                while j < text.count && (isNameCharacter(text[j]) || text[j] == ":") {
                    name.append(text[j])
                    j += 1
                }
            }
            let bare = name.split(separator: ":").last.map(String.init) ?? name
            if variables.contains(bare) { return true }
            i = max(j, i + 1)
        }
        return false
    }

    static func problem(
        in script: String, mode: Mode, assigned: inout Set<String>?, unknownPrograms: inout [String]?
    ) -> String? {
        let reader = PowerShellTokens(script)
        guard reader.complete else { return "whittle does not follow all of its PowerShell" }
        return problem(in: reader.tokens, mode: mode, assigned: &assigned, unknownPrograms: &unknownPrograms)
    }

    static func problem(
        in tokens: [PowerShellTokens.Token], mode: Mode, assigned: inout Set<String>?,
        unknownPrograms: inout [String]?
    ) -> String? {
        enum Frame { case block, group, hashtable }
        var frames: [Frame] = [.block]
        var statementStart = true
        var k = 0
        func next(_ n: Int = 1) -> PowerShellTokens.Token? { k + n < tokens.count ? tokens[k + n] : nil }
        /// Whether the statement from `k` assigns (an `=` before its end, at its own depth).
        func assigns() -> Bool {
            var depth = 0
            var j = k
            while j < tokens.count {
                switch tokens[j] {
                case .op("("), .op("{"), .op("@{"), .op("["): depth += 1
                case .op(")"), .op("}"), .op("]"):
                    if depth == 0 { return false }
                    depth -= 1
                case .op(";"), .op("|"), .newline: if depth == 0 { return false }
                case .op("="): if depth == 0 { return true }
                default: break
                }
                j += 1
            }
            return false
        }
        while k < tokens.count {
            let token = tokens[k]
            let inHashtable = frames.last == .hashtable
            var setsSecurityProtocol = false
            if case .type(let name) = token, case .word(let w)? = next(), w.hasPrefix("::") {
                if isSecurityProtocol(name, w) && !(statementStart && assigns()) {
                    // Reading the setting changes nothing.
                } else if isSecurityProtocol(name, w) {
                    // The TLS versions .NET offers, for this process only: a child process's
                    // setting dies with it; a shared session passes it on (see
                    // `securityProtocolMarker`).
                    setsSecurityProtocol = true
                    if mode == .sharedSession {
                        guard assigned != nil else { return "it sets [\(name)]\(w.prefix(40))" }
                        assigned?.insert(securityProtocolMarker)
                    }
                } else if !fileTypes.contains(name.lowercased()) {
                    return "it calls [\(name)]\(w.prefix(40))"
                }
            }
            if case .string(let subexpressions) = token {
                for inner in subexpressions {
                    if let p = problem(
                        in: inner, mode: mode, assigned: &assigned, unknownPrograms: &unknownPrograms)
                    {
                        return p
                    }
                }
            }
            if statementStart && !inHashtable {
                statementStart = false
                switch token {
                case .word(let w):
                    let name = w.lowercased()
                    if name == "exit" {
                        // A failing exit fails either way; `exit 0` or a bare `exit` would end
                        // the merged script early.
                        if mode == .sharedSession {
                            guard case .word(let code)? = next(), let n = Int(code), n != 0 else {
                                return "it may `exit` with success, which would skip what runs after it"
                            }
                        }
                    } else if otherKeywords.contains(name) {
                        return "it uses `\(w)`"
                    } else if allowedKeywords.contains(name) || name.hasPrefix("-") || name.hasPrefix("!")
                        || Int(name) != nil
                    {
                        break
                    } else if fileCmdlets.contains(name) {
                        break
                    } else if mode == .childProcess && filePrograms.contains(CmdLine.programName(w)) {
                        break
                    } else if unknownPrograms != nil, WindowsProgram.isProgramInPowerShell(w),
                        WindowsProgram.stateChange(w, inCmd: false) == nil
                    {
                        unknownPrograms?.append(w)
                    } else {
                        return
                            "it runs `\(w.prefix(60))`, which may change more than files (such as the PATH the next RUN reads)"
                    }
                case .variable(let v), .type(let v):
                    if assigns() && !setsSecurityProtocol {
                        if mode == .sharedSession {
                            let name = v.lowercased()
                            guard case .variable = token, assigned != nil, !name.contains(":"),
                                !name.hasSuffix("preference"), !automaticVariables.contains(name)
                            else { return "it sets `\(v)`, which the next script would see" }
                            assigned?.insert(name)
                        }
                        if case .type = token, v.lowercased().contains("environment") {
                            return "it sets [\(v)]"
                        }
                    }
                case .op("&"), .op("."):
                    return "it calls a script or program with `&` or `.`"
                case .op("="):
                    return "it assigns"
                default:
                    break
                }
            }
            switch token {
            case .op("("):
                frames.append(.group)
                statementStart = true
            case .op("{"):
                frames.append(.block)
                statementStart = true
            case .op("@{"):
                frames.append(.hashtable)
            case .op(")"), .op("}"):
                if frames.count > 1 { frames.removeLast() }
                // `(...).Hash`, `} else {`: what follows a closed group or block continues the
                // statement (`else` and `elseif` need no check).
                statementStart = false
            case .op(";"), .op("|"), .op("&&"), .op("||"):
                statementStart = frames.last != .hashtable
            case .newline:
                if frames.last == .block { statementStart = true }
            default:
                break
            }
            k += 1
        }
        return nil
    }

    /// The script's top-level statements (for telling a long, deliberate RUN from a short one).
    public static func statementCount(_ script: String) -> Int {
        var count = 0
        var depth = 0
        var inStatement = false
        for token in PowerShellTokens(script).tokens {
            switch token {
            case .op("("), .op("{"), .op("@{"): depth += 1
            case .op(")"), .op("}"): depth = max(0, depth - 1)
            case .op(";"), .newline:
                if depth == 0 { inStatement = false }
                continue
            case .comment: continue
            default: break
            }
            if !inStatement {
                count += 1
                inStatement = true
            }
        }
        return count
    }

    /// Whether the script's last token is a `#` comment, which would swallow what is joined after
    /// it on the same line.
    public static func endsInComment(_ script: String) -> Bool {
        let reader = PowerShellTokens(script)
        if let last = reader.tokens.last(where: { $0 != .newline }), last == .comment {
            return script.trimmingTrailingBlanks().hasSuffix("#>") == false
        }
        return false
    }

    /// Whether the script's last token is `;`.
    public static func endsWithSemicolon(_ script: String) -> Bool {
        PowerShellTokens(script).tokens.last(where: { $0 != .newline }) == .op(";")
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            s.removeLast()
        }
        return s
    }
}
