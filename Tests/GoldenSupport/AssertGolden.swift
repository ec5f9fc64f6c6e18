import Foundation
import Testing

/// Golden-file assertions.
///
/// Recording: with `WHITTLE_RECORD=1` in the environment the actual output is written to the
/// golden file and the test still fails ("re-recorded, review and rerun"), so a recording run never
/// passes silently. A missing golden file fails with the command that records it.
public enum Golden {
    /// True when `WHITTLE_RECORD=1` is set: golden files are rewritten.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["WHITTLE_RECORD"] == "1" }

    static let recordHint = "record it with `WHITTLE_RECORD=1 swift test --filter <test>`, review, then rerun"

    /// Writes `bytes` to `file` (creating its folder) and records the failure that says so.
    static func record(_ bytes: [UInt8], to file: URL, sourceLocation: SourceLocation) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            Issue.record(
                "re-recorded \(relativePath(file)), review and rerun without WHITTLE_RECORD",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record \(relativePath(file)): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The golden file's bytes, or nil after recording the right failure (missing, unreadable).
    static func load(_ file: URL, sourceLocation: SourceLocation) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: file.path) else {
            Issue.record(
                "missing golden file \(relativePath(file)); \(recordHint)", sourceLocation: sourceLocation)
            return nil
        }
        guard let data = try? Data(contentsOf: file) else {
            Issue.record("cannot read golden file \(relativePath(file))", sourceLocation: sourceLocation)
            return nil
        }
        return Array(data)
    }

    /// A path relative to the repository root when it is inside it.
    public static func relativePath(_ file: URL) -> String {
        let root = RepositoryPaths.root.standardizedFileURL.path + "/"
        let path = file.standardizedFileURL.resolvingSymlinksInPath().path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// A short line diff (`-` expected, `+` actual), for failure messages.
    public static func lineDiff(expected: String, actual: String, limit: Int = 40) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        let shown = lines.prefix(limit).joined(separator: "\n")
        return lines.count > limit ? shown + "\n... (\(lines.count - limit) more)" : shown
    }
}

/// Compares `actual` with the golden `file` byte for byte (or records it, see `Golden`).
public func assertGolden(
    actual: [UInt8], file: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
    if Golden.isRecording {
        Golden.record(actual, to: file, sourceLocation: sourceLocation)
        return
    }
    guard let expected = Golden.load(file, sourceLocation: sourceLocation) else { return }
    guard expected != actual else { return }
    let diff = Golden.lineDiff(
        expected: String(decoding: expected, as: UTF8.self), actual: String(decoding: actual, as: UTF8.self))
    let firstDifference =
        zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expected.count, actual.count)
    Issue.record(
        """
        \(Golden.relativePath(file)) differs (expected \(expected.count) bytes, got \(actual.count); \
        first difference at byte \(firstDifference)):
        \(diff.isEmpty ? "(no line differs: line terminators or a final newline differ)" : diff)
        """,
        sourceLocation: sourceLocation)
}

/// Compares `actual` with the golden `file` as text (or records it, see `Golden`).
public func assertGolden(
    actual: String, file: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
    assertGolden(actual: Array(actual.utf8), file: file, sourceLocation: sourceLocation)
}

/// Compares JSON with a golden JSON file as values, not text: both sides are parsed and re-encoded
/// pretty-printed with sorted keys, so the golden file can be the readable form while the program
/// prints compact JSON. Records the readable form (see `Golden`).
public func assertGoldenJSON(
    actual: String, file: URL, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actualCanonical = GoldenJSON.canonical(Array(actual.utf8)) else {
        Issue.record("the actual output is not JSON:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    if Golden.isRecording {
        Golden.record(Array(actualCanonical.utf8), to: file, sourceLocation: sourceLocation)
        return
    }
    guard let expectedBytes = Golden.load(file, sourceLocation: sourceLocation) else { return }
    guard let expectedCanonical = GoldenJSON.canonical(expectedBytes) else {
        Issue.record(
            "golden file \(Golden.relativePath(file)) is not valid JSON; \(Golden.recordHint)",
            sourceLocation: sourceLocation)
        return
    }
    guard expectedCanonical != actualCanonical else { return }
    Issue.record(
        """
        \(Golden.relativePath(file)) differs:
        \(Golden.lineDiff(expected: expectedCanonical, actual: actualCanonical))
        """,
        sourceLocation: sourceLocation)
}

/// JSON normalisation for golden files.
public enum GoldenJSON {
    /// Parses JSON text (any top-level value).
    public static func parse(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The value re-encoded with sorted keys, two-space indentation and a final newline.
    public static func encode(_ value: Any) -> String? {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return nil }
        return indent(Array(data)) + "\n"
    }

    /// Re-indents compact JSON text: one member or element per line, `[]` and `{}` kept short.
    static func indent(_ compact: [UInt8]) -> String {
        var out: [UInt8] = []
        var depth = 0
        var inString = false
        var i = 0
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }
        while i < compact.count {
            let c = compact[i]
            if inString {
                out.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < compact.count {
                    out.append(compact[i + 1])
                    i += 1
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
                out.append(c)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                out.append(c)
                let close = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if i + 1 < compact.count, compact[i + 1] == close {
                    out.append(close)
                    i += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                newline()
                out.append(c)
            case UInt8(ascii: ","):
                out.append(c)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [c, 0x20])
            default:
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode(parse(bytes))`: the canonical text of a JSON document, or nil when it is not JSON.
    public static func canonical(_ bytes: [UInt8]) -> String? {
        parse(bytes).flatMap(encode)
    }
}
