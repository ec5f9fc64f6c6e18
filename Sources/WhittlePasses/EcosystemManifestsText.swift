import Foundation

extension EcosystemManifests {
    // MARK: - Text helpers shared by several ecosystems

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == "'" || f == "\"", t.last == f {
            t = String(t.dropFirst().dropLast())
        }
        return t
    }

    /// `key = value` lines of a TOML file and their `[section]`, comments dropped (enough to spot
    /// path dependencies and workspaces; not a TOML parser).
    static func tomlLines(_ text: String) -> [(section: String, line: String)] {
        var out: [(String, String)] = []
        var section = ""
        for raw in text.components(separatedBy: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                section = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t\r"))
                if let hash = section.range(of: "#") {
                    section = section[..<hash.lowerBound].trimmingCharacters(
                        in: CharacterSet(charactersIn: "[] \t"))
                }
                out.append((section, line))
                continue
            }
            out.append((section, line))
        }
        return out
    }

    static func mentionsKey(_ line: String, _ key: String) -> Bool {
        // `key =` at the start of a line or inside an inline table `{ key = ...`.
        let compact = line.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        return compact.hasPrefix(key + "=") || compact.contains("{" + key + "=")
            || compact.contains("," + key + "=")
    }

    static func quotedStrings(_ line: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        var quote: Character = "\""
        for c in line {
            if var s = current {
                if c == quote {
                    out.append(s)
                    current = nil
                } else {
                    s.append(c)
                    current = s
                }
            } else if c == "\"" || c == "'" {
                quote = c
                current = ""
            }
        }
        return out
    }

    static func stripXMLComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
