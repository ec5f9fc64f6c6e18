import WhittleEngine
import WhittleShell
import WhittleSyntax

/// clean-package-cache for RUNs under cmd.exe or PowerShell, which the POSIX shell reader does
/// not read: `pip install` gets `--no-cache-dir`, as it does under /bin/sh (pip keeps its wheel
/// cache in `%LOCALAPPDATA%\pip\Cache` on Windows).
///
/// Deliberately narrow: a RUN read as words separated by blanks (line continuations count as
/// blanks; a comment line inside the RUN makes whittle leave it alone) with quotes kept
/// together; `pip`/`pip3` (any path, `.exe` or not) or `python -m pip` (`py`, `python3`)
/// followed directly by `install`. The option is a word of its own placed right after
/// `install`, which neither cmd.exe nor PowerShell reads differently.
enum WindowsPipCache {
    static func findings(_ instruction: Instruction, shell: RunShell, in file: Dockerfile) -> [Finding] {
        guard instruction.kind == .run, !instruction.isJSON, instruction.heredocs.isEmpty,
            instruction.flags.isEmpty, instruction.continuationComments.isEmpty
        else { return [] }
        let isPowerShell: Bool
        switch shell {
        case .cmd: isPowerShell = false
        case .powerShell: isPowerShell = true
        default: return []
        }
        if file.instructions.contains(where: { i in
            i.kind == .env && file.keyValues(of: i).contains { $0.key.uppercased() == "PIP_NO_CACHE_DIR" }
        }) {
            return []
        }
        let range = instruction.argumentsSourceRange
        let bytes = Array(file.source.bytes[range])
        var edits: [TextEdit] = []
        var firstCommand: Range<Int>?
        for command in commands(bytes, isPowerShell: isPowerShell, escape: file.escape) {
            let words = command.map { String(decoding: bytes[$0], as: UTF8.self) }
            guard let install = installWordIndex(words) else { continue }
            let options = words.map { $0.lowercased() }
            if options.contains("--no-cache-dir") || options.contains("--no-cache") { continue }
            edits.append(.insert(" --no-cache-dir", at: range.lowerBound + command[install].upperBound))
            if firstCommand == nil {
                firstCommand =
                    (range.lowerBound + command[0].lowerBound)..<(range.lowerBound + command.last!.upperBound)
            }
        }
        guard let firstCommand, !edits.isEmpty else { return [] }
        return [
            Finding(
                passID: CleanPackageCachePass.id, message: "pip install keeps a cache in this layer",
                range: firstCommand,
                notes: [
                    "\(isPowerShell ? "PowerShell" : "cmd.exe"): pip keeps its cache in %LOCALAPPDATA%\\pip\\Cache"
                ],
                effect: Effect(note: "pip's wheel cache, often as large as the packages"),
                fix: Fix(title: "Add --no-cache-dir", safety: .safe, edits: edits),
                ruleCodes: ["DL3042"])
        ]
    }

    /// The index of `install` in a pip command's words, or nil when the words are no pip install.
    static func installWordIndex(_ words: [String]) -> Int? {
        guard let first = words.first else { return nil }
        let program = CmdLine.programName(first)
        if program == "pip" || program == "pip3" {
            return words.count > 1 && words[1] == "install" ? 1 : nil
        }
        if ["python", "python3", "py"].contains(program), words.count > 3, words[1] == "-m",
            words[2] == "pip",
            words[3] == "install"
        {
            return 3
        }
        return nil
    }

    /// The commands of a cmd.exe or PowerShell RUN's source, each as the byte ranges of its words.
    /// Commands end at `&`, `|` and (PowerShell) `;`; quotes (`"`, and `'` in PowerShell) keep
    /// their content in one word; the Dockerfile's `escape` before a line end is a line
    /// continuation, a blank. Anything unusual (cmd's `^`, PowerShell's backtick used as an
    /// escape, an unclosed quote) yields no commands at all.
    static func commands(_ bytes: [UInt8], isPowerShell: Bool, escape: UInt8 = UInt8(ascii: "\\"))
        -> [[Range<Int>]]
    {
        var commands: [[Range<Int>]] = []
        var words: [Range<Int>] = []
        var start: Int?
        var quote: UInt8?
        func endWord(_ i: Int) {
            if let s = start { words.append(s..<i) }
            start = nil
        }
        func endCommand(_ i: Int) {
            endWord(i)
            if !words.isEmpty { commands.append(words) }
            words = []
        }
        func isLineContinuation(_ i: Int) -> Bool {
            guard bytes[i] == escape else { return false }
            var j = i + 1
            while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
            if j < bytes.count && bytes[j] == 0x0D { j += 1 }
            return j < bytes.count && bytes[j] == 0x0A
        }
        for (i, b) in bytes.enumerated() {
            if quote == nil && isLineContinuation(i) {
                endWord(i)
                continue
            }
            if let q = quote {
                if b == q { quote = nil }
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                quote = b
                if start == nil { start = i }
            case UInt8(ascii: "'") where isPowerShell:
                quote = b
                if start == nil { start = i }
            case UInt8(ascii: "^") where !isPowerShell: return []
            case UInt8(ascii: "`") where isPowerShell: return []
            case UInt8(ascii: "&"), UInt8(ascii: "|"): endCommand(i)
            case UInt8(ascii: ";") where isPowerShell: endCommand(i)
            case 0x20, 0x09, 0x0D, 0x0A: endWord(i)
            default: if start == nil { start = i }
            }
        }
        if quote != nil { return [] }
        endCommand(bytes.count)
        return commands
    }
}
