/// Walks a command's arguments for every command's option parser: options, with their value as
/// `--name value` or `--name=value`; paths; `-` (standard input) and everything after `--` as
/// paths.
struct ArgumentCursor {
    enum Item {
        case option(String)
        case path(String)
    }

    private let arguments: [String]
    private let usage: String
    private var index = 0
    private var inlineValue: String? = nil
    private var onlyPaths = false

    init(_ arguments: [String], usage: String) {
        self.arguments = arguments
        self.usage = usage
    }

    /// The next option or path, or nil at the end.
    mutating func next() -> Item? {
        guard index < arguments.count else { return nil }
        let argument = arguments[index]
        index += 1
        inlineValue = nil
        if onlyPaths || argument == "-" || !argument.hasPrefix("-") { return .path(argument) }
        if argument == "--" {
            onlyPaths = true
            return next()
        }
        if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
            inlineValue = String(argument[argument.index(after: eq)...])
            return .option(String(argument[..<eq]))
        }
        return .option(argument)
    }

    /// The value of the option just read: after its `=`, or the next argument.
    mutating func value(of option: String) throws -> String {
        if let inline = inlineValue {
            inlineValue = nil
            return inline
        }
        guard index < arguments.count else { throw UsageError("\(option) needs a value", usage: usage) }
        index += 1
        return arguments[index - 1]
    }
}
