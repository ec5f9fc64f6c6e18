/// Flag and operand queries over a command's arguments, in the style of hadolint's `Shell.hs`.
public protocol CommandArguments {
    /// The words after the command name.
    var args: [Word] { get }
}

extension SimpleCommand: CommandArguments {}
extension Invocation: CommandArguments {}

extension CommandArguments {
    /// Whether any argument before `--` is one of the flags `names` (each written with its dashes).
    ///
    /// - `--name` matches `--name` and `--name=value`.
    /// - `-x` (one letter) matches `-x` and any cluster of letters and digits containing `x`
    ///   (`-qy` contains `-y`; `-oDpkg::Options=...` is not a cluster).
    /// - any other dashed name (`-qq`, `-ldflags`) matches exactly or as `name=value`.
    ///
    /// Only words starting with `-` are flags: use `hasArgument` for operands such as `install`.
    /// Dynamic words count by their static prefix when it starts with `-` (`--user=$U`).
    public func hasFlag(_ names: String...) -> Bool { hasFlag(in: names) }

    /// `hasFlag` with an array of names.
    public func hasFlag(in names: [String]) -> Bool {
        for word in args {
            guard let text = flagText(word) else { continue }
            if text == "--" { return false }
            for name in names where flagMatches(text, name) { return true }
        }
        return false
    }

    /// The operands: arguments that are not flags and not values of `flagsWithValues` (given with
    /// dashes, e.g. `["-o", "--output"]`). A value is the next word (`-o FILE`) unless attached
    /// (`-oFILE`, `--output=FILE`); in a short cluster only its last letter can take the next word.
    /// Everything after `--` is an operand; `-` alone is an operand.
    public func argumentsWithoutFlags(flagsWithValues: Set<String> = []) -> [Word] {
        var operands: [Word] = []
        var onlyOperands = false
        var i = 0
        let words = args
        while i < words.count {
            let word = words[i]
            i += 1
            if onlyOperands {
                operands.append(word)
                continue
            }
            guard let text = flagText(word), text != "-" else {
                operands.append(word)
                continue
            }
            if text == "--" {
                onlyOperands = true
                continue
            }
            if flagsWithValues.contains(text) {
                i += 1
            } else if !text.hasPrefix("--") {
                let letters = Array(text.dropFirst())
                for (k, letter) in letters.enumerated() where flagsWithValues.contains("-\(letter)") {
                    if k == letters.count - 1 && word.literal != nil { i += 1 }
                    break
                }
            }
        }
        return operands
    }

    /// Whether an argument's literal equals `literal`.
    public func hasArgument(_ literal: String) -> Bool { args.contains { $0.literal == literal } }

    /// The literals of the arguments (nil for dynamic words).
    public var literalArgs: [String?] { args.map(\.literal) }
}

/// The text a word presents as a flag: its literal, or its static prefix when that starts with
/// `-`; nil for operands.
func flagText(_ word: Word) -> String? {
    let text = word.literal ?? word.staticPrefix
    guard text.hasPrefix("-") else { return nil }
    return text
}

func flagMatches(_ text: String, _ name: String) -> Bool {
    if text == name { return true }
    if name.hasPrefix("--") { return text.hasPrefix(name) && text.dropFirst(name.count).first == "=" }
    let nameScalars = name.unicodeScalars
    if nameScalars.count == 2 && name.hasPrefix("-") {
        guard text.hasPrefix("-"), !text.hasPrefix("--"), text.unicodeScalars.count > 2 else { return false }
        let letters = text.unicodeScalars.dropFirst()
        guard letters.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
            return false
        }
        return letters.contains(nameScalars[nameScalars.index(after: nameScalars.startIndex)])
    }
    return text.hasPrefix(name) && text.dropFirst(name.count).first == "="
}

/// A file named by an option or operand.
public enum FileReference: Sendable, Equatable, CustomStringConvertible {
    /// A static path.
    case path(String)
    /// A path known only at run time (`-r $REQS`).
    case unknown

    init(_ value: OptionValue?) {
        if case .literal(let text)? = value { self = .path(text) } else { self = .unknown }
    }

    init(_ word: Word) {
        self = word.literal.map(FileReference.path) ?? .unknown
    }

    /// The path, nil when unknown.
    public var path: String? {
        if case .path(let path) = self { return path }
        return nil
    }

    public var description: String { path ?? "<unknown>" }
}

/// The value of an option.
public enum OptionValue: Sendable, Equatable {
    /// A static value.
    case literal(String)
    /// A value with expansions; the raw text is given.
    case dynamic(String)

    /// The static value, if any.
    public var literal: String? {
        if case .literal(let text) = self { return text }
        return nil
    }
}

/// One option of a command, as read by a command-specific option table.
public struct CommandOption: Sendable, Equatable {
    /// The option with its dashes (`-y`, `--no-cache`, `-ldflags`). Clusters are split: `-qy` gives
    /// `-q` and `-y`.
    public let name: String
    /// The value, for options that take one.
    public let value: OptionValue?
    /// Logical range of the word (or two words) holding the option.
    public let range: Range<Int>

    /// Creates an option.
    public init(name: String, value: OptionValue?, range: Range<Int>) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// How a program spells its options.
enum OptionStyle {
    /// getopt: `-abc` clusters, `--long[=value]`.
    case gnu
    /// Go/Java style: `-name[=value]` is one option.
    case singleDash
}

/// Options and operands of an argument list, read with a table of options that take a value.
struct ParsedArguments {
    var options: [CommandOption] = []
    var operands: [Word] = []

    init(_ args: [Word], valueOptions: Set<String>, style: OptionStyle = .gnu) {
        var i = 0
        var onlyOperands = false
        while i < args.count {
            let word = args[i]
            i += 1
            guard !onlyOperands, let text = flagText(word), text != "-" else {
                operands.append(word)
                continue
            }
            if word.literal == "--" {
                onlyOperands = true
                continue
            }
            let isStatic = word.literal != nil
            if text.hasPrefix("--") || style == .singleDash {
                if let equals = text.firstIndex(of: "=") {
                    let value: OptionValue =
                        isStatic ? .literal(String(text[text.index(after: equals)...])) : .dynamic(word.raw)
                    options.append(
                        CommandOption(name: String(text[..<equals]), value: value, range: word.range))
                } else if !isStatic {
                    options.append(CommandOption(name: text, value: .dynamic(word.raw), range: word.range))
                } else if valueOptions.contains(text) {
                    let value = i < args.count ? Self.value(of: args[i]) : nil
                    let upper = i < args.count ? args[i].range.upperBound : word.range.upperBound
                    if i < args.count { i += 1 }
                    options.append(
                        CommandOption(name: text, value: value, range: word.range.lowerBound..<upper))
                } else {
                    options.append(CommandOption(name: text, value: nil, range: word.range))
                }
                continue
            }
            let letters = Array(text.dropFirst())
            if letters.count > 2 && letters[1] == "=" {
                // `-q=2`: a short option with an attached value.
                let rest = String(letters[2...])
                options.append(
                    CommandOption(
                        name: "-\(letters[0])", value: isStatic ? .literal(rest) : .dynamic(word.raw),
                        range: word.range))
                continue
            }
            for (k, letter) in letters.enumerated() {
                let name = "-\(letter)"
                guard valueOptions.contains(name) else {
                    options.append(CommandOption(name: name, value: nil, range: word.range))
                    continue
                }
                if k + 1 < letters.count {
                    let rest = String(letters[(k + 1)...])
                    options.append(
                        CommandOption(
                            name: name, value: isStatic ? .literal(rest) : .dynamic(word.raw),
                            range: word.range))
                } else if !isStatic {
                    options.append(CommandOption(name: name, value: .dynamic(word.raw), range: word.range))
                } else {
                    let value = i < args.count ? Self.value(of: args[i]) : nil
                    let upper = i < args.count ? args[i].range.upperBound : word.range.upperBound
                    if i < args.count { i += 1 }
                    options.append(
                        CommandOption(name: name, value: value, range: word.range.lowerBound..<upper))
                }
                break
            }
        }
    }

    static func value(of word: Word) -> OptionValue {
        word.literal.map(OptionValue.literal) ?? .dynamic(word.raw)
    }
}
