import WhittleSyntax

/// The program that runs a RUN's shell form: `/bin/sh -c` on Linux, `cmd /S /C` on Windows, or
/// whatever the stage's SHELL names.
public enum RunShell: Equatable, Sendable {
    /// A POSIX shell: `/bin/sh -c`, or a SHELL such as `["/bin/bash", "-o", "pipefail", "-c"]`.
    case posix
    /// cmd.exe: the default of Windows images, or `SHELL ["cmd", "/S", "/C"]`.
    case cmd
    /// PowerShell (`powershell` or `pwsh`) with `-Command`; `prefix` is the SHELL's text after
    /// `-Command` (e.g. `$ErrorActionPreference = 'Stop';`), which runs before every RUN.
    case powerShell(prefix: String)
    /// Any other program (`SHELL ["python", "-c"]`, an unusual flag set, a non-JSON SHELL).
    case other

    /// The shell a RUN at `offset` of `file` runs under: the last SHELL of its stage or the stages
    /// it is built FROM; without one, cmd.exe for Windows images (a Windows base, a Windows
    /// `--platform`, or the backtick escape directive of Windows files) and /bin/sh otherwise.
    public static func at(_ offset: Int, in file: Dockerfile) -> RunShell {
        guard var stage = file.stage(containing: offset) else { return .posix }
        var limit = offset
        while true {
            if let shell = stage.instructions.last(where: { $0.kind == .shell && $0.range.lowerBound < limit }
            ) {
                return of(shell)
            }
            guard let parent = file.parentStage(of: stage) else { break }
            stage = parent
            limit = Int.max
        }
        if file.escape == UInt8(ascii: "`") || isWindows(stage, in: file) { return .cmd }
        return .posix
    }

    /// The shell a SHELL instruction sets.
    static func of(_ shell: Instruction) -> RunShell {
        guard shell.isJSON, let program = shell.value.first else { return .other }
        let name = programName(program)
        let args = Array(shell.value.dropFirst())
        if posixShells.contains(name) {
            // e.g. ["/bin/bash", "-o", "pipefail", "-c"]
            return args.last == "-c" ? .posix : .other
        }
        if name == "cmd" {
            let flags = Set(args.map { $0.lowercased() })
            return flags == ["/s", "/c"] || flags == ["/c"] ? .cmd : .other
        }
        if name == "powershell" || name == "pwsh" {
            guard let c = args.firstIndex(where: { ["-command", "-c"].contains($0.lowercased()) }) else {
                return .other
            }
            // Options before -Command must be ones that do not change how the script runs.
            let harmless: Set<String> = [
                "-noprofile", "-nologo", "-noninteractive", "-executionpolicy", "bypass", "unrestricted",
                "remotesigned",
            ]
            guard args[..<c].allSatisfy({ harmless.contains($0.lowercased()) }) else { return .other }
            return .powerShell(prefix: args[(c + 1)...].joined(separator: " "))
        }
        return .other
    }

    /// `C:\Windows\System32\cmd.exe` -> `cmd`; `/bin/bash` -> `bash`.
    static func programName(_ program: String) -> String {
        var name = program.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? program
        name = name.lowercased()
        if name.hasSuffix(".exe") { name.removeLast(4) }
        return name
    }

    /// Shells whose scripts are POSIX `sh`.
    static let posixShells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]

    /// Whether a root stage builds on a Windows image: `--platform=windows/...`, or a base image
    /// whose name says so (`mcr.microsoft.com/windows/servercore`, `.../nanoserver`,
    /// `...:ltsc2022`, `stefanscherer/node-windows`).
    static func isWindows(_ stage: Stage, in file: Dockerfile) -> Bool {
        if let platform = stage.platform?.lowercased(), platform.hasPrefix("windows") { return true }
        return isWindowsImage(file.resolvedBaseImage(of: stage).value)
    }

    /// Whether an image reference names a Windows image.
    public static func isWindowsImage(_ reference: String) -> Bool {
        let image = reference.lowercased()
        // .NET Framework images exist for Windows only.
        if image.hasPrefix("mcr.microsoft.com/dotnet/framework/") { return true }
        let markers: Set<String> = ["windows", "nanoserver", "servercore", "windowsservercore"]
        var part = ""
        // Split into the words of the path and the tag: a marker must be a whole word
        // (`windowsservercore-ltsc2022`, `node-windows`, `ltsc2022`), not part of another one.
        for character in image + "/" {
            if character.isLetter || character.isNumber {
                part.append(character)
                continue
            }
            if markers.contains(part)
                || (part.hasPrefix("ltsc20") && part.dropFirst(4).allSatisfy(\.isNumber))
            {
                return true
            }
            part = ""
        }
        return false
    }
}
