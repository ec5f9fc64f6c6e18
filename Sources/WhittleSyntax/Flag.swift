/// A builder flag such as `--mount=type=cache,target=/root/.cache` or `--from=build`.
public struct Flag: Sendable, Equatable {
    /// The flag as BuildKit reads it, quotes and escapes resolved: `--from=build`.
    public let text: String
    /// The logical range of the flag as written, in the instruction's `MappedText`.
    public let range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }

    /// The name without dashes: `mount` for `--mount=...`.
    public var name: String {
        let body = text.drop { $0 == "-" }
        return String(body.prefix { $0 != "=" })
    }

    /// The value after the first `=`, or nil for a bare flag such as `--link`.
    public var value: String? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        return String(text[text.index(after: eq)...])
    }
}
