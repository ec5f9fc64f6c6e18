import WhittleSyntax

/// What a pass sees: the parsed file, its style, the build context and the configuration.
public struct PassContext: Sendable {
    public let file: Dockerfile
    /// The path for reports (may be `-` or a `--stdin-filename`).
    public let path: String
    public let style: FileStyle
    /// The build context folder, when known (`--context`, default: the Dockerfile's folder).
    public let buildContext: BuildContext?
    public let configuration: Configuration
    /// Options of the running pass (`[passes.<id>]`).
    public private(set) var options: PassOptions
    /// The suppression comments of the file. The optimizer drops suppressed findings itself; a
    /// pass that combines several instructions into one fix asks here, so that it can leave out
    /// just the suppressed instruction.
    public let suppressions: Suppressions

    public init(
        file: Dockerfile, path: String, buildContext: BuildContext?, configuration: Configuration,
        options: PassOptions = PassOptions(), suppressions: Suppressions? = nil
    ) {
        self.file = file
        self.path = path
        self.style = FileStyle(file)
        self.buildContext = buildContext
        self.configuration = configuration
        self.options = options
        self.suppressions = suppressions ?? Suppressions(file: file)
    }

    /// The same context for another pass's options (the style is not read again).
    func with(options: PassOptions) -> PassContext {
        var copy = self
        copy.options = options
        return copy
    }

    /// Whether `passID` is switched off for `instruction` (or for the whole file).
    public func isSuppressed(_ passID: String, codes: [String] = [], at instruction: Instruction) -> Bool {
        suppressions.isSuppressed(
            passID: passID, codes: Set(codes),
            ranges: [instruction.range.lowerBound..<instruction.range.lowerBound + 1])
    }

    public var source: [UInt8] { file.source.bytes }
}

/// Per-pass options from `[passes.<id>]` in whittle.toml or `PassExample.options`.
public struct PassOptions: Sendable, Equatable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public func int(_ key: String) -> Int? { values[key].flatMap { Int($0) } }
    public func bool(_ key: String) -> Bool? { values[key].map { $0 == "true" } }
    public func string(_ key: String) -> String? { values[key] }
}
