/// Hand-checked diff cases shared by the format and external-tool tests.
struct DiffFixture: Sendable, CustomStringConvertible {
    var name: String
    var old: [UInt8]
    var new: [UInt8]
    var context: Int
    /// Expected `UnifiedDiff.make` output for path `Dockerfile`, headers included.
    var expected: [UInt8]

    var description: String { name }

    init(_ name: String, old: [UInt8], new: [UInt8], context: Int = 3, hunks: [UInt8]) {
        self.name = name
        self.old = old
        self.new = new
        self.context = context
        expected = Array("--- a/Dockerfile\n+++ b/Dockerfile\n".utf8) + hunks
    }

    init(_ name: String, old: String, new: String, context: Int = 3, hunks: String) {
        self.init(
            name, old: Array(old.utf8), new: Array(new.utf8), context: context, hunks: Array(hunks.utf8))
    }

    /// Lines `"1\n"` through `"<count>\n"`, with the replacements applied (1-based line number to text).
    static func numbered(_ count: Int, replacing replacements: [Int: String] = [:]) -> String {
        (1...count).map { (replacements[$0] ?? "\($0)") + "\n" }.joined()
    }

    /// `numbered` without the given (1-based) lines.
    static func numbered(_ count: Int, removing removed: Set<Int>) -> String {
        (1...count).filter { !removed.contains($0) }.map { "\($0)\n" }.joined()
    }

    static let noNewline = "\\ No newline at end of file\n"

    static let all: [DiffFixture] = [
        DiffFixture(
            "insert at start", old: "b\nc\nd\n", new: "a\nb\nc\nd\n",
            hunks: "@@ -1,3 +1,4 @@\n+a\n b\n c\n d\n"),
        DiffFixture(
            "insert in middle", old: numbered(10), new: numbered(10, replacing: [5: "5\nx"]),
            hunks: "@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+x\n 6\n 7\n 8\n"),
        DiffFixture(
            "insert at end", old: numbered(5), new: numbered(6),
            hunks: "@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n"),
        DiffFixture(
            "delete at start", old: numbered(5), new: numbered(5, removing: [1]),
            hunks: "@@ -1,4 +1,3 @@\n-1\n 2\n 3\n 4\n"),
        DiffFixture(
            "delete in middle", old: numbered(10), new: numbered(10, removing: [5]),
            hunks: "@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n"),
        DiffFixture(
            "delete at end", old: numbered(5), new: numbered(4),
            hunks: "@@ -2,4 +2,3 @@\n 2\n 3\n 4\n-5\n"),
        DiffFixture(
            "change at start", old: numbered(5), new: numbered(5, replacing: [1: "one"]),
            hunks: "@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"),
        DiffFixture(
            "change in middle", old: numbered(10), new: numbered(10, replacing: [5: "five"]),
            hunks: "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"),
        DiffFixture(
            "change at end", old: numbered(5), new: numbered(5, replacing: [5: "five"]),
            hunks: "@@ -2,4 +2,4 @@\n 2\n 3\n 4\n-5\n+five\n"),
        DiffFixture(
            "replace everything", old: "a\nb\n", new: "c\nd\n",
            hunks: "@@ -1,2 +1,2 @@\n-a\n-b\n+c\n+d\n"),
        DiffFixture(
            "empty old", old: "", new: "a\nb\n",
            hunks: "@@ -0,0 +1,2 @@\n+a\n+b\n"),
        DiffFixture(
            "empty new", old: "a\nb\n", new: "",
            hunks: "@@ -1,2 +0,0 @@\n-a\n-b\n"),
        DiffFixture(
            "empty old, new without final newline", old: "", new: "a",
            hunks: "@@ -0,0 +1 @@\n+a\n" + noNewline),
        DiffFixture(
            "single line", old: "a\n", new: "b\n",
            hunks: "@@ -1 +1 @@\n-a\n+b\n"),
        DiffFixture(
            "CRLF", old: "a\r\nb\r\nc\r\n", new: "a\r\nB\r\nc\r\n",
            hunks: "@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n"),
        DiffFixture(
            "CRLF line ending change", old: "a\nb\nc\n", new: "a\nb\r\nc\n",
            hunks: "@@ -1,3 +1,3 @@\n a\n-b\n+b\r\n c\n"),
        DiffFixture(
            "CRLF, appended line without newline", old: "a\r\nb\r\n", new: "a\r\nb\r\nc",
            hunks: "@@ -1,2 +1,3 @@\n a\r\n b\r\n+c\n" + noNewline),
        DiffFixture(
            "add final newline", old: "a\nb", new: "a\nb\n",
            hunks: "@@ -1,2 +1,2 @@\n a\n-b\n" + noNewline + "+b\n"),
        DiffFixture(
            "remove final newline", old: "a\nb\n", new: "a\nb",
            hunks: "@@ -1,2 +1,2 @@\n a\n-b\n+b\n" + noNewline),
        DiffFixture(
            "old missing newline, last line changed", old: "a\nb", new: "a\nc\n",
            hunks: "@@ -1,2 +1,2 @@\n a\n-b\n" + noNewline + "+c\n"),
        DiffFixture(
            "both missing newline, last line changed", old: "a\nb", new: "a\nc",
            hunks: "@@ -1,2 +1,2 @@\n a\n-b\n" + noNewline + "+c\n" + noNewline),
        DiffFixture(
            "both missing newline, unchanged last line in context", old: "a\nb\nc", new: "A\nb\nc",
            hunks: "@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n" + noNewline),
        DiffFixture(
            "context 0 change", old: numbered(5), new: numbered(5, replacing: [3: "x\ny"]), context: 0,
            hunks: "@@ -3 +3,2 @@\n-3\n+x\n+y\n"),
        DiffFixture(
            "context 0 insert", old: numbered(5), new: numbered(5, replacing: [3: "3\nx"]), context: 0,
            hunks: "@@ -3,0 +4 @@\n+x\n"),
        DiffFixture(
            "context 0 delete", old: numbered(5), new: numbered(5, removing: [3]), context: 0,
            hunks: "@@ -3 +2,0 @@\n-3\n"),
        DiffFixture(
            "context 0 adjacent changes stay separate", old: numbered(5),
            new: numbered(5, replacing: [2: "two", 4: "four"]), context: 0,
            hunks: "@@ -2 +2 @@\n-2\n+two\n@@ -4 +4 @@\n-4\n+four\n"),
        DiffFixture(
            "context 5", old: numbered(20), new: numbered(20, replacing: [10: "ten"]), context: 5,
            hunks: "@@ -5,11 +5,11 @@\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n 14\n 15\n"),
        DiffFixture(
            "multiple hunks", old: numbered(20), new: numbered(20, replacing: [3: "three", 17: "seventeen"]),
            hunks: "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                + "@@ -14,7 +14,7 @@\n 14\n 15\n 16\n-17\n+seventeen\n 18\n 19\n 20\n"),
        DiffFixture(
            "hunks 6 lines apart merge", old: numbered(20),
            new: numbered(20, replacing: [3: "three", 10: "ten"]),
            hunks: "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n"
        ),
        DiffFixture(
            "hunks 7 lines apart stay separate", old: numbered(20),
            new: numbered(20, replacing: [3: "three", 11: "eleven"]),
            hunks: "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                + "@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+eleven\n 12\n 13\n 14\n"),
        DiffFixture(
            "deletion and insertion in one hunk", old: numbered(8, removing: [4]),
            new: numbered(8, removing: [2]),
            hunks: "@@ -1,6 +1,6 @@\n 1\n-2\n 3\n+4\n 5\n 6\n 7\n"),
        DiffFixture(
            "non-UTF-8 bytes", old: [0x61, 0x0A, 0xFF, 0xFE, 0x0A, 0x63, 0x0A],
            new: [0x61, 0x0A, 0xC3, 0x28, 0x0A, 0x63, 0x0A],
            hunks: Array("@@ -1,3 +1,3 @@\n a\n-".utf8) + [0xFF, 0xFE, 0x0A, 0x2B, 0xC3, 0x28, 0x0A]
                + Array(" c\n".utf8)),
    ]
}
