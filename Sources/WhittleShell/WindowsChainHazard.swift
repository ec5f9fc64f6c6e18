/// Why a Windows RUN's commands cannot simply be followed, on the same line, by the commands of
/// the RUN after it.
///
/// A Windows RUN is a new process that reads the machine's environment afresh, so a command
/// joined after another on one line does not see what the RUN before it would have shown the
/// next RUN: a PATH an installer or `setx` wrote, a cmd.exe or PowerShell session change, a
/// service or process it left running. Two kinds of reasons:
/// - `changesState`: whittle sees something that changes more than files (or cannot follow the
///   script): the RUNs stay apart;
/// - `unknownPrograms`: the script runs programs whittle knows nothing about (`mytool.exe`,
///   `npm`, `python`) and nothing else of concern. Most such programs only write files, so the
///   merge is offered, as an unsafe fix: if one of them does change the environment, the merged
///   RUN behaves differently.
public enum WindowsChainHazard: Sendable, Equatable {
    case changesState(String)
    case unknownPrograms([String])

    /// The sentence a finding's note uses ("it runs ...").
    public var reason: String {
        switch self {
        case .changesState(let reason): return reason
        case .unknownPrograms(let programs):
            var names = programs.prefix(3).map { "`\($0.prefix(60))`" }.joined(separator: ", ")
            if programs.count > 3 { names += " and \(programs.count - 3) more" }
            return
                "whittle does not know what \(names) \(programs.count == 1 ? "does" : "do"): a program that"
                + " changes the machine's environment (such as the PATH) or leaves a process running changes"
                + " the next RUN, but not a command joined after it on the same line"
        }
    }

    /// Combines the hazards of two parts of one script: a state change outweighs unknown programs.
    public static func combine(_ a: WindowsChainHazard?, _ b: WindowsChainHazard?) -> WindowsChainHazard? {
        switch (a, b) {
        case (.changesState, _): return a
        case (_, .changesState): return b
        case (.unknownPrograms(let x), .unknownPrograms(let y)): return .unknownPrograms(x + y)
        default: return a ?? b
        }
    }
}

/// What a program's name tells about a Windows RUN that starts it.
public enum WindowsProgram {
    /// cmd.exe built-in commands that change the session (`cd`, `set`, `pushd`), control the flow
    /// of the line (`call`, `goto`, `for`, `if`, `exit`) or start a detached process (`start`).
    static let cmdSessionCommands: Set<String> = [
        "cd", "chdir", "pushd", "popd", "set", "setlocal", "endlocal", "path", "prompt", "call", "start",
        "exit", "goto", "for", "if", "rem", "title", "color", "shift", "break", "verify", "cmd",
    ]

    /// Programs known to change the machine's environment, its services or its installed software
    /// (which often means its PATH).
    static let stateChangers: Set<String> = [
        "setx", "choco", "cinst", "cup", "chocolatey", "msiexec", "reg", "regedit", "regsvr32", "refreshenv",
        "scoop", "winget", "rustup", "rustup-init", "dotnet", "nvm", "conda", "mamba", "wmic", "sc", "net",
        "net1", "netsh", "dism", "bcdedit", "wusa", "powershell", "pwsh", "runas", "schtasks",
        "taskkill", "bitsadmin", "sfc", "auditpol", "secedit", "gpupdate", "lodctr", "winrm",
    ]

    /// Programs that are not PowerShell commands: in a PowerShell script a bare name (without a
    /// `.exe`) is only taken for a program when it is one of these; any other word may be an
    /// alias or a function that changes the session.
    static let knownPrograms: Set<String> = [
        "git", "npm", "npx", "yarn", "pnpm", "node", "pip", "pip3", "python", "python3", "py", "go", "nuget",
        "msbuild", "cargo", "java", "javac", "mvn", "gradle", "7z", "curl", "wget", "gem", "ruby", "bundle",
        "composer", "php", "perl", "cmake", "ninja", "make", "nmake", "cl", "link", "tar", "certutil",
        "expand", "icacls", "robocopy", "xcopy", "findstr", "where", "whoami", "hostname", "ipconfig",
    ]

    /// Why starting `word` may change more than files, or nil when it is a program whittle has
    /// no reason to suspect (nor to trust). `inCmd`: the word starts a cmd.exe command, where
    /// built-in commands apply.
    public static func stateChange(_ word: String, inCmd: Bool) -> String? {
        let lower = word.lowercased()
        let name = CmdLine.programName(word)
        let changes =
            "it runs `\(word.prefix(60))`, which may change more than files (such as the PATH the next RUN reads)"
        if inCmd && cmdSessionCommands.contains(name) { return changes }
        if stateChangers.contains(name) { return changes }
        for suffix in [".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".wsf", ".js", ".msi", ".msu", ".reg"]
        where lower.hasSuffix(suffix) {
            return changes
        }
        // Installers and their helpers: setup.exe, vs_buildtools.exe, vc_redist.x64.exe, install.exe.
        for part in [
            "setup", "install", "redist", "vs_", "unins", "bootstrap", "update", "upgrade", "service",
        ]
        where name.contains(part) {
            return changes
        }
        return nil
    }

    /// Whether a PowerShell command word is an external program whittle may treat as unknown
    /// (rather than a cmdlet, alias or function, which run in the session): a path or name
    /// ending in `.exe`, or one of `knownPrograms`.
    public static func isProgramInPowerShell(_ word: String) -> Bool {
        let lower = word.lowercased()
        if lower.hasSuffix(".exe") { return !lower.hasPrefix("$") && !lower.contains("(") }
        return knownPrograms.contains(lower)
    }
}

/// The environment variables a Windows script reads, for telling whether it depends on what a
/// program before it may have written to the machine's environment.
public enum WindowsEnvironmentReads {
    /// Variables Windows sets for every process that installers leave alone.
    public static let systemVariables: Set<String> = [
        "programfiles", "programfiles(x86)", "programw6432", "programdata", "systemroot", "windir",
        "systemdrive", "userprofile", "appdata", "localappdata", "temp", "tmp", "computername", "username",
        "userdomain", "homedrive", "homepath", "public", "allusersprofile", "commonprogramfiles",
        "commonprogramfiles(x86)", "commonprogramw6432", "processor_architecture", "number_of_processors",
        "os", "cd", "date", "time", "random", "errorlevel", "comspec",
    ]

    /// `%NAME%` references of a cmd.exe line.
    public static func inCmdLine(_ line: String) -> [String] {
        var names: [String] = []
        let parts = line.split(separator: "%", omittingEmptySubsequences: false)
        // Between the first and second `%`, the third and fourth, ...: a name when it has no blank.
        var k = 1
        while k < parts.count - 1 {
            // `%NAME%`, or `%NAME:old=new%` / `%NAME:~0,3%`, which edit the value as they read it.
            let name = parts[k].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) {
                names.append(String(name))
                k += 2
            } else {
                k += 1
            }
        }
        return names
    }

    /// `$env:NAME` and `${env:NAME}` references of a PowerShell script; `*` when the
    /// script reaches the environment otherwise (`[Environment]`, the `env:` drive).
    public static func inPowerShell(_ script: String) -> [String] {
        let text = Array(script)
        var names: [String] = []
        var i = 0
        func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < text.count {
            guard text[i] == "$" else {
                i += 1
                continue
            }
            var j = i + 1
            let braced = j < text.count && text[j] == "{"
            if braced { j += 1 }
            guard j + 4 <= text.count, String(text[j..<j + 4]).lowercased() == "env:" else {
                i += 1
                continue
            }
            j += 4
            var name = ""
            while j < text.count && (braced ? text[j] != "}" : isNameCharacter(text[j])) {
                name.append(text[j])
                j += 1
            }
            names.append(name)
            i = j
        }
        let lower = script.lowercased()
        if lower.contains("[environment]") || lower.contains("[system.environment]")
            || lower.contains(" env:")
        {
            names.append("*")
        }
        return names
    }
}
