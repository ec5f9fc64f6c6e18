import Foundation

/// A `.dockerignore` file, read and matched as BuildKit does (moby's `ignorefile.ReadAll` and
/// `patternmatcher.MatchesOrParentMatches`):
///
/// - lines starting with `#` are comments; blank lines are skipped; each line is trimmed;
/// - `!` starts an exception (a path matched earlier is included again);
/// - patterns are cleaned like Go's `filepath.Clean`, and a leading `/` is dropped, so `/dist`,
///   `./dist` and `dist/` all mean `dist`;
/// - `*` matches any run of characters but `/`, `?` one character but `/`, `[...]` a character
///   class, `\` escapes the next character, `**` any number of folders (`**/x` also matches `x`);
/// - a path is excluded when it, or one of its parent folders, matches; the last matching pattern
///   wins, so `!` lines only bring back what an earlier line excluded.
public struct DockerIgnore: Sendable, Equatable {
    /// One cleaned pattern.
    public struct Pattern: Sendable, Equatable {
        /// The pattern after cleaning, without its `!`.
        public let text: String
        /// Whether the pattern is an exception (`!pattern`).
        public let isExclusion: Bool
        let kind: Kind
    }

    enum Kind: Sendable, Equatable {
        case exact
        /// `foo/**`: the prefix before the `**`.
        case prefix(String)
        /// `**/foo` (or `**`): the suffix after the `**`.
        case suffix(String)
        case glob([Token])
    }

    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        /// `*`: any run of characters but `/`.
        case star
        /// `?`: one character but `/`.
        case question
        /// `**/` or `**` inside a pattern: `(.*/)?`.
        case anyFolders
        /// `**` at the end of a pattern that is not a plain prefix: `.*`.
        case anything
        /// `[...]`: a character class.
        case characterClass(negated: Bool, items: [ClassItem])
    }

    enum ClassItem: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
    }

    /// The patterns in file order.
    public let patterns: [Pattern]
    /// False when a pattern is malformed (an unclosed `[`, a trailing `\`): BuildKit then refuses
    /// the build, so nothing can be said about which files it would send.
    public let isValid: Bool

    /// Reads the text of a `.dockerignore` file.
    public init(_ text: String) {
        self.init(patterns: Self.lines(of: text))
    }

    /// Builds a matcher from patterns already read (`!` prefixes allowed).
    public init(patterns lines: [String]) {
        var out: [Pattern] = []
        var valid = true
        for line in lines {
            var p = line.trimmingCharacters(in: .whitespaces)
            if p.isEmpty { continue }
            p = Self.clean(p)
            var exclusion = false
            if p.hasPrefix("!") {
                guard p.count > 1 else {
                    valid = false
                    continue
                }
                exclusion = true
                p.removeFirst()
            }
            guard let kind = Self.compile(p) else {
                valid = false
                continue
            }
            out.append(Pattern(text: p, isExclusion: exclusion, kind: kind))
        }
        patterns = out
        isValid = valid
    }

    /// The patterns of a `.dockerignore` text, as `ignorefile.ReadAll` returns them.
    public static func lines(of text: String) -> [String] {
        var out: [String] = []
        var first = true
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(String(String.UnicodeScalarView(raw)))
            if line.hasSuffix("\r") { line = line.dropLast() }
            if first {
                first = false
                if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            }
            if line.hasPrefix("#") { continue }
            var pattern = line.trimmingCharacters(in: .whitespaces)
            if pattern.isEmpty { continue }
            let invert = pattern.hasPrefix("!")
            if invert { pattern = String(pattern.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if !pattern.isEmpty {
                pattern = clean(pattern)
                if pattern.count > 1 && pattern.hasPrefix("/") { pattern.removeFirst() }
            }
            out.append(invert ? "!" + pattern : pattern)
        }
        return out
    }

    /// Whether `path` (relative to the context root, `/`-separated) is left out of the build
    /// context: it or one of its parent folders matches, and no later exception brings it back.
    public func isExcluded(_ path: String) -> Bool {
        var file = Self.clean(path)
        while file.hasPrefix("/") && file.count > 1 { file.removeFirst() }
        if file == "." || file == "/" { return false }
        let parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let parents: [String] = (1..<max(parts.count, 1)).map { parts[..<$0].joined(separator: "/") }
        var matched = false
        for pattern in patterns {
            if pattern.isExclusion != matched { continue }
            var match = Self.match(pattern, file)
            if !match {
                match = parents.contains { Self.match(pattern, $0) }
            }
            if match { matched = !pattern.isExclusion }
        }
        return matched
    }

    // MARK: - Cleaning

    /// Go's `filepath.Clean` for `/`-separated paths.
    public static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." {
                    out.removeLast()
                } else if !rooted {
                    out.append(part)
                }
                continue
            }
            out.append(part)
        }
        let body = out.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }

    // MARK: - Compiling (patternmatcher's `compile`)

    static func compile(_ pattern: String) -> Kind? {
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [Token] = []
        enum Detected { case exact, prefix, suffix, glob }
        var detected = Detected.exact
        var i = 0
        var index = 0
        while i < scalars.count {
            let ch = scalars[i]
            i += 1
            defer { index += 1 }
            switch ch {
            case "*":
                if i < scalars.count && scalars[i] == "*" {
                    i += 1
                    if i < scalars.count && scalars[i] == "/" { i += 1 }
                    if i == scalars.count {
                        if detected == .exact {
                            detected = .prefix
                        } else {
                            tokens.append(.anything)
                            detected = .glob
                        }
                    } else {
                        tokens.append(.anyFolders)
                        detected = .glob
                    }
                    if index == 0 { detected = .suffix }
                } else {
                    tokens.append(.star)
                    detected = .glob
                }
            case "?":
                tokens.append(.question)
                detected = .glob
            case "\\":
                if i < scalars.count {
                    tokens.append(.literal(scalars[i]))
                    i += 1
                    detected = .glob
                } else {
                    // filepath.Match rejects a trailing backslash.
                    return nil
                }
            case "[":
                guard let (token, next) = characterClass(scalars, from: i) else { return nil }
                tokens.append(token)
                i = next
                detected = .glob
            default:
                tokens.append(.literal(ch))
            }
        }
        switch detected {
        case .exact: return .exact
        case .prefix: return .prefix(String(pattern.dropLast(2)))
        case .suffix: return .suffix(String(pattern.dropFirst(2)))
        case .glob: return .glob(tokens)
        }
    }

    /// Reads `[...]` after its `[`; returns the class and the index after `]`.
    static func characterClass(_ s: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var i = start
        var negated = false
        if i < s.count && s[i] == "^" {
            negated = true
            i += 1
        }
        var items: [ClassItem] = []
        var first = true
        while i < s.count {
            var c = s[i]
            if c == "]" && !first { return (.characterClass(negated: negated, items: items), i + 1) }
            first = false
            i += 1
            if c == "\\" {
                guard i < s.count else { return nil }
                c = s[i]
                i += 1
            }
            if i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" {
                var hi = s[i + 1]
                i += 2
                if hi == "\\" {
                    guard i < s.count else { return nil }
                    hi = s[i]
                    i += 1
                }
                guard c.value <= hi.value else { return nil }
                items.append(.range(c, hi))
            } else {
                items.append(.scalar(c))
            }
        }
        return nil
    }

    // MARK: - Matching (patternmatcher's `match`)

    static func match(_ pattern: Pattern, _ path: String) -> Bool {
        switch pattern.kind {
        case .exact:
            return path == pattern.text
        case .prefix(let prefix):
            return path.hasPrefix(prefix)
        case .suffix(let suffix):
            if path.hasSuffix(suffix) { return true }
            return suffix.hasPrefix("/") && path == String(suffix.dropFirst())
        case .glob(let tokens):
            return glob(tokens, 0, Array(path.unicodeScalars), 0)
        }
    }

    /// `^tokens$` against `s[j...]`, by backtracking.
    static func glob(_ tokens: [Token], _ t: Int, _ s: [Unicode.Scalar], _ j: Int) -> Bool {
        if t == tokens.count { return j == s.count }
        switch tokens[t] {
        case .literal(let c):
            return j < s.count && s[j] == c && glob(tokens, t + 1, s, j + 1)
        case .question:
            return j < s.count && s[j] != "/" && glob(tokens, t + 1, s, j + 1)
        case .characterClass(let negated, let items):
            guard j < s.count else { return false }
            let c = s[j]
            let inClass = items.contains {
                switch $0 {
                case .scalar(let x): return x == c
                case .range(let lo, let hi): return lo.value <= c.value && c.value <= hi.value
                }
            }
            return inClass != negated && glob(tokens, t + 1, s, j + 1)
        case .star:
            var k = j
            while true {
                if glob(tokens, t + 1, s, k) { return true }
                if k == s.count || s[k] == "/" { return false }
                k += 1
            }
        case .anything:
            for k in j...s.count where glob(tokens, t + 1, s, k) { return true }
            return false
        case .anyFolders:
            // `(.*/)?`: nothing, or anything ending in a `/`.
            if glob(tokens, t + 1, s, j) { return true }
            var k = j
            while k < s.count {
                if s[k] == "/" && glob(tokens, t + 1, s, k + 1) { return true }
                k += 1
            }
            return false
        }
    }
}

extension BuildContext {
    /// The ignore file BuildKit reads for this context: `<Dockerfile>.dockerignore` next to the
    /// Dockerfile when there is one, else `.dockerignore` at the context's root; nil when neither
    /// exists.
    public func dockerIgnorePath(dockerfilePath: String? = nil) -> String? {
        if let dockerfilePath, dockerfilePath != "-", !dockerfilePath.isEmpty {
            let specific = dockerfilePath + ".dockerignore"
            if FileManager.default.fileExists(atPath: specific) { return specific }
        }
        let root = (directory as NSString).appendingPathComponent(".dockerignore")
        return FileManager.default.fileExists(atPath: root) ? root : nil
    }

    /// Whether the context has an ignore file (see `dockerIgnorePath`).
    public var hasDockerIgnore: Bool { dockerIgnorePath() != nil }

    /// The context's ignore file, read; nil when it has none.
    public func dockerIgnore(dockerfilePath: String? = nil) -> DockerIgnore? {
        guard let path = dockerIgnorePath(dockerfilePath: dockerfilePath),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return DockerIgnore(String(decoding: data, as: UTF8.self))
    }

    /// Whether `path` (relative to the context root) is left out of the build context by the
    /// ignore file.
    public func isIgnored(_ path: String, dockerfilePath: String? = nil) -> Bool {
        dockerIgnore(dockerfilePath: dockerfilePath)?.isExcluded(path) ?? false
    }
}
