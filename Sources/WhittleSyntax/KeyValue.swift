/// One `key=value` (or legacy `key value`) pair of ENV, LABEL or ARG.
public struct KeyValue: Sendable, Equatable {
    public let key: String
    /// The value as written (quotes and escapes kept, as BuildKit's parser keeps them); nil for an
    /// ARG without default.
    public let rawValue: String?
    /// The logical range of the whole pair.
    public let range: Range<Int>

    public init(key: String, rawValue: String?, range: Range<Int>) {
        self.key = key
        self.rawValue = rawValue
        self.range = range
    }

    /// The value after quote removal and escapes, as the build would see it with no variables set.
    public func value(escape: UInt8 = UInt8(ascii: "\\")) -> String? {
        guard let rawValue else { return nil }
        return VariableExpander(escape: escape).unquote(rawValue)
    }
}
