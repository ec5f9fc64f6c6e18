/// One segment of a (possibly dotted) key, with where it appeared in the source.
struct TOMLKeySegment: Sendable, Equatable {
    /// The unquoted key text.
    var name: String
    /// The position of the segment's first character (its opening quote, if quoted).
    var position: TOMLPosition
}

/// Renders key paths for error messages, quoting segments that are not valid bare keys.
enum TOMLKeyPath {
    /// Renders `path` as TOML would write it, e.g. `passes.merge-runs` or `site."google.com"`.
    static func render(_ path: [String]) -> String {
        path.map(renderSegment).joined(separator: ".")
    }

    /// Renders one key, quoting and escaping it when it is not a valid bare key.
    static func renderSegment(_ key: String) -> String {
        if !key.isEmpty && key.unicodeScalars.allSatisfy(\.isBareKeyScalar) {
            return key
        }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.isTOMLControl {
                    quoted += "\\u" + TOMLScanner.hex(scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
