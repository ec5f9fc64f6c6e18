extension CmdLine {
    /// cmd.exe commands and programs that act on files and output only: they neither change the
    /// cmd.exe session (`cd`, `set`, `pushd`, `path`) nor the machine's environment, which the
    /// next RUN (a new process) would read but a command later on the same line would not
    /// (`setx`, `msiexec` and installers, `choco`).
    public static let filePrograms: Set<String> = [
        "mkdir", "md", "rd", "rmdir", "del", "erase", "copy", "xcopy", "robocopy", "move", "ren",
        "rename", "icacls", "type", "dir", "curl", "tar", "certutil", "expand", "findstr", "git", "echo",
    ]

    /// Why other commands cannot follow this line after `&&` as they followed it in a RUN of
    /// their own, or nil when they can (see `WindowsChainHazard`): a command that changes the
    /// session or the machine's environment, a `powershell -Command` whose script may (see
    /// `PowerShellAudit`), or programs whittle does not know.
    public var chainHazard: WindowsChainHazard? {
        if let problem { return .changesState(problem) }
        var hazard: WindowsChainHazard?
        for words in commands {
            guard let first = words.first else { continue }
            let program = Self.programName(first)
            if program == "powershell" || program == "pwsh" {
                hazard = .combine(hazard, Self.powerShellHazard(Array(words.dropFirst())))
            } else if Self.filePrograms.contains(program) {
                continue
            } else if let reason = WindowsProgram.stateChange(first, inCmd: true) {
                hazard = .combine(hazard, .changesState(reason))
            } else {
                hazard = .combine(hazard, .unknownPrograms([first]))
            }
            if case .changesState = hazard { return hazard }
        }
        return hazard
    }

    /// `chainHazard`'s sentence.
    public var problemBeforeChain: String? { chainHazard?.reason }

    /// Checks the script of `powershell [options] -Command SCRIPT...` run as a child process.
    static func powerShellHazard(_ arguments: [String]) -> WindowsChainHazard? {
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
            return .changesState("it runs PowerShell with `\(option)`")
        }
        return PowerShellAudit.hazard(in: script.joined(separator: " "), mode: .childProcess)
    }
}
