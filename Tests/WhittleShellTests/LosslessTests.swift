import Testing
import WhittleShell

/// The tree indexes the original text, so printing it back is the identity. These tests check
/// that no bytes fall outside nodes except blanks, line breaks, comments and continuations, and
/// that every range is inside the text.
@Suite("Lossless ranges")
struct LosslessTests {
    static let scripts: [String] = [
        "set -eux; apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists/*",
        "  a && b  ||  c ;  d & # trailing",
        "if a; then b; fi\n\n# comment\nfor x in 1 2; do echo $x; done >log 2>&1",
        "cat <<EOF >f\nbody\nEOF\necho \"$(cd / && ls)\" \\\n  next",
        "f() { echo hi; }\ncase $x in a|b) x;; esac; (sub) | { grp; }",
    ]

    /// Whether `bytes` only holds what may sit between nodes.
    static func isFiller(_ text: String) -> Bool {
        var rest = Substring(text)
        while let c = rest.first {
            if c == " " || c == "\t" || c == "\n" {
                rest = rest.dropFirst()
            } else if rest.hasPrefix("\\\n") {
                rest = rest.dropFirst(2)
            } else if c == "#" {
                rest = rest.drop { $0 != "\n" }
            } else {
                return false
            }
        }
        return true
    }

    @Test(arguments: scripts) func topLevelItemsAndGapsReproduceTheText(_ text: String) {
        let script = parse(text)
        #expect(script.opaque == nil)
        // Here-document bodies and delimiter lines sit between items, after their command line.
        let heredocs = script.commands.flatMap(\.redirections).compactMap(\.heredoc)
        let heredocBytes = Set(heredocs.flatMap { Array($0.body) + Array($0.delimiterLine ?? 0..<0) })
        func gapText(_ range: Range<Int>) -> String {
            let kept = range.filter { !heredocBytes.contains($0) }.map { script.source.text[$0] }
            return String(decoding: kept, as: UTF8.self)
        }
        var rebuilt = ""
        var cursor = 0
        for item in script.body.items {
            #expect(item.range.lowerBound >= cursor)
            let gap = script.text(cursor..<item.range.lowerBound)
            #expect(Self.isFiller(gapText(cursor..<item.range.lowerBound)), "gap \(gap.debugDescription)")
            rebuilt += gap + script.text(item.range)
            cursor = item.range.upperBound
        }
        let tail = script.text(cursor..<script.source.text.count)
        rebuilt += tail
        #expect(rebuilt == text)
        #expect(Self.isFiller(gapText(cursor..<script.source.text.count)), "tail \(tail.debugDescription)")
    }

    @Test(arguments: scripts) func simpleCommandPartsCoverTheCommand(_ text: String) {
        let script = parse(text)
        for command in script.commands {
            var parts =
                command.assignments.map(\.range) + command.words.map(\.range)
                + command.redirections.map(\.range)
            parts.sort { $0.lowerBound < $1.lowerBound }
            #expect(parts.first?.lowerBound == command.range.lowerBound)
            #expect(parts.last?.upperBound == command.range.upperBound)
            for (a, b) in zip(parts, parts.dropFirst()) {
                #expect(a.upperBound <= b.lowerBound)
                #expect(Self.isFiller(script.text(a.upperBound..<b.lowerBound)))
            }
        }
    }

    @Test(arguments: scripts) func everyRangeIsInsideTheText(_ text: String) {
        let script = parse(text)
        let count = script.source.text.count
        for range in allRanges(script) {
            #expect(range.lowerBound >= 0 && range.upperBound <= count)
        }
    }
}
