import Testing

/// `Golden/parse` cases whose `parse.json` holds BuildKit's reading (written from `buildkit-dump`,
/// not recorded from whittle) while whittle still reads the input differently. Each entry is a
/// parser bug to fix: the golden and oracle tests expect it to fail (`withKnownIssue`), so once it
/// is fixed they fail again until the entry is removed here.
enum KnownParserBugs {
    static let goldenCases: [String: Comment] = [:]

    /// Runs `body`, expecting its issues when `name` is a known bug.
    static func check(_ name: String, _ body: () throws -> Void) rethrows {
        if let bug = goldenCases[name] {
            withKnownIssue(bug) { try body() }
        } else {
            try body()
        }
    }
}
