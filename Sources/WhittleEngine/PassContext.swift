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
    public let options: PassOptions

    public init(
        file: Dockerfile, path: String, buildContext: BuildContext?, configuration: Configuration,
        options: PassOptions = PassOptions()
    ) {
        self.file = file
        self.path = path
        self.style = FileStyle(file)
        self.buildContext = buildContext
        self.configuration = configuration
        self.options = options
    }

    func with(options: PassOptions) -> PassContext {
        PassContext(
            file: file, path: path, buildContext: buildContext, configuration: configuration, options: options
        )
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
