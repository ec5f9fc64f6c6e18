import Testing
import WhittleShell

/// A small deterministic PRNG (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Robustness on garbled input")
struct FuzzTests {
    static let fragments: [String] = [
        " ", "\n", "\t", ";", "&", "&&", "|", "||", "|&", "(", ")", "{", "}", "[[", "]]", "<", ">", ">>",
        "<<", "<<-",
        "<<<", "2>&1", "&>", "'", "\"", "`", "\\", "\\\n", "$", "$(", "${", "$((", "))", "$'", "#", "=", "a=",
        "*", "?",
        "[", "]", "~", "!", "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until",
        "case",
        "esac", ";;", ";&", "function", "f()", "EOF", "apt-get", "install", "-y", "curl",
        "rm -rf /var/lib/apt/lists/*",
        "pip", "-r", "x", "é", "\u{0}", ",", "..",
    ]

    static let samples: [String] = [
        "set -eux; apt-get update && apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*",
        "x=\"$(case \"$(uname -m)\" in x86_64) echo amd64;; *) exit 1;; esac)\"; curl -fsSL \"$u/$x\" | tar -xz",
        "cat <<EOF > /f\nline $(date)\nEOF\nfor i in 1 2; do if [ $i ]; then echo ${i:-0}; fi; done",
    ]

    static func check(_ bytes: [UInt8]) {
        let script = parseShell(ShellSource(text: bytes, sourceOffset: 7))
        let count = bytes.count
        for range in allRanges(script) + script.commands.map(\.range) {
            #expect(range.lowerBound >= 0 && range.upperBound <= count)
            let source = script.sourceRange(of: range)
            #expect(source.lowerBound >= 7 && source.upperBound <= count + 7)
        }
        for leak in script.leakingState { #expect(leak.range.upperBound <= count) }
        if let reason = script.opaque, let offset = reason.offset { #expect(offset >= 0 && offset <= count) }
        _ = debugDescription(of: script)
        _ = script.packageManagerCommands
        _ = script.downloads
        _ = script.archiveExtractions
        _ = script.cacheCleanups
    }

    @Test func twoThousandGarbledScripts() {
        var rng = SplitMix64(state: 0x5EED_CAFE)
        for i in 0..<2000 {
            var bytes: [UInt8] = []
            switch i % 4 {
            case 0:
                // Random bytes, including invalid UTF-8 and NUL.
                let length = Int.random(in: 0...60, using: &rng)
                bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1, 2:
                // Shell-significant fragments glued together.
                let length = Int.random(in: 0...30, using: &rng)
                for _ in 0..<length { bytes += Array(Self.fragments.randomElement(using: &rng)!.utf8) }
            default:
                // A realistic script with bytes deleted, duplicated or replaced.
                bytes = Array(Self.samples.randomElement(using: &rng)!.utf8)
                for _ in 0..<Int.random(in: 1...6, using: &rng) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0...2, using: &rng) {
                    case 0: bytes.remove(at: at)
                    case 1: bytes.insert(bytes[at], at: at)
                    default: bytes[at] = Array("'\"`$(){};|&<>#\\\n".utf8).randomElement(using: &rng)!
                    }
                }
            }
            Self.check(bytes)
        }
    }
}
