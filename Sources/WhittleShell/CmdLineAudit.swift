extension CmdLine {
    /// cmd.exe commands and programs that act on files and output only: they neither change the
    /// cmd.exe session (`cd`, `set`, `pushd`, `path`) nor the machine's environment, which the
    /// next RUN (a new process) would read but a command later on the same line would not
    /// (`setx`, `msiexec` and installers, `choco`).
    public static let filePrograms: Set<String> = [
        "mkdir", "md", "rd", "rmdir", "del", "erase", "copy", "xcopy", "robocopy", "move", "ren",
        "rename", "icacls", "type", "dir", "curl", "tar", "certutil", "expand", "findstr", "git",
    ]

    /// Why other commands cannot follow this line after `&&` as they followed it in a RUN of
    /// their own, or nil when they can: a command that changes the session or the machine's
    /// environment, or a `powershell -Command` whose script may (see `PowerShellAudit`).
    public var problemBeforeChain: String? {
        if let problem { return problem }
        for words in commands {
            guard let first = words.first else { continue }
            let program = Self.programName(first)
            if program == "powershell" || program == "pwsh" {
                if let p = Self.powerShellProblem(Array(words.dropFirst())) { return p }
                continue
            }
            if !Self.filePrograms.contains(program) {
                return
                    "it runs `\(first.prefix(60))`, which may change more than files (such as the PATH the next RUN reads)"
            }
        }
        return nil
    }

    /// Checks the script of `powershell [options] -Command SCRIPT...` run as a child process.
    static func powerShellProblem(_ arguments: [String]) -> String? {
        let harmless: Set<String> = [
            "-noprofile", "-nologo", "-noninteractive", "-executionpolicy", "bypass", "unrestricted",
            "remotesigned", "-inputformat", "none",
        ]
        var k = 0
        while k < arguments.count, harmless.contains(arguments[k].lowercased()) { k += 1 }
        var script = Array(arguments[k...])
        if let option = script.first?.lowercased(), option == "-command" || option == "-c" {
            script.removeFirst()
        } else if let option = script.first, option.hasPrefix("-") {
            return "it runs PowerShell with `\(option)`"
        }
        return PowerShellAudit.problem(in: script.joined(separator: " "), mode: .childProcess)
    }
}
