/// A `curl` or `wget` download.
public struct Download: Sendable, Equatable {
    /// The downloading tool.
    public enum Tool: String, Sendable, Equatable {
        case curl, wget
    }

    /// Where the downloaded bytes go.
    public enum Output: Sendable, Equatable {
        /// Standard output (curl's default, `wget -O -`, `wget -qO-`).
        case stdout
        /// A named file (`curl -o FILE`, `curl --output FILE`, `wget -O FILE`).
        case file(FileReference)
        /// A file named after the URL (`curl -O`, wget's default).
        case remoteName
        /// A file named after the URL in a directory (`wget -P DIR`, `curl --output-dir DIR -O`).
        case directory(FileReference)
    }

    /// The tool.
    public let tool: Tool
    /// The URL operands.
    public let urls: [Word]
    /// Where the bytes go.
    public let output: Output
    /// The options as read with the tool's table.
    public let options: [CommandOption]
    /// The simple command it came from.
    public let command: SimpleCommand

    /// Whether the bytes go to standard output and the command pipes into a next command
    /// (`curl -fsSL URL | tar -xz`).
    public var isPiped: Bool {
        output == .stdout && command.context.pipelineIndex + 1 < command.context.pipelineLength
    }

    /// Whether an option with one of `names` is present.
    public func hasOption(_ names: String...) -> Bool { options.contains { names.contains($0.name) } }
}

enum DownloadModel {
    static let curlValueOptions: Set<String> = [
        "-o", "--output", "-H", "--header", "-d", "--data", "-u", "--user", "-A", "--user-agent", "-e",
        "--referer",
        "-X", "--request", "--retry", "--retry-delay", "--retry-max-time", "--connect-timeout", "-m",
        "--max-time",
        "-w", "--write-out", "--cacert", "--capath", "--cert", "-E", "--key", "-x", "--proxy", "-T",
        "--upload-file", "-b", "--cookie", "-c", "--cookie-jar", "-K", "--config", "--output-dir", "-r",
        "--range",
        "-C", "--continue-at", "--limit-rate", "-F", "--form", "--data-binary", "--data-raw",
        "--data-urlencode",
        "--resolve", "--proto", "--proto-redir", "--interface", "-z", "--time-cond", "--url",
        "--max-filesize",
        "--max-redirs", "--netrc-file", "-U", "--proxy-user", "--dns-servers", "--ciphers", "--tls-max",
        "--expect100-timeout", "-Y", "--speed-limit", "-y", "--speed-time", "--variable", "--json",
    ]
    static let wgetValueOptions: Set<String> = [
        "-O", "--output-document", "-o", "--output-file", "-a", "--append-output", "-P", "--directory-prefix",
        "-t", "--tries", "-T", "--timeout", "--header", "-U", "--user-agent", "--user", "--password",
        "--http-user", "--http-password", "-e", "--execute", "-i", "--input-file", "--ca-certificate",
        "--ca-directory", "--certificate", "--private-key", "-w", "--wait", "--post-data", "--post-file",
        "--method", "--body-data", "-l", "--level", "-A", "--accept", "-R", "--reject", "-D", "--domains",
        "-X", "--exclude-directories", "-I", "--include-directories", "--progress", "--limit-rate", "-Q",
        "--quota", "--bind-address", "--dns-timeout", "--connect-timeout", "--read-timeout", "--waitretry",
        "--referer", "--load-cookies", "--save-cookies", "-B", "--base", "--config", "--cut-dirs",
        "--default-page", "--restrict-file-names", "--secure-protocol", "--max-redirect",
    ]

    static func read(_ command: SimpleCommand) -> Download? {
        guard let invocation = command.invocation, let name = invocation.baseName else { return nil }
        switch name {
        case "curl":
            let parsed = ParsedArguments(invocation.args, valueOptions: curlValueOptions)
            let urls = parsed.operands
            var output = Download.Output.stdout
            let directory = parsed.options.last { $0.name == "--output-dir" }.map { FileReference($0.value) }
            if let option = parsed.options.first(where: { $0.name == "-o" || $0.name == "--output" }) {
                let file = FileReference(option.value)
                output = file == .path("-") ? .stdout : .file(file)
            } else if parsed.options.contains(where: {
                $0.name == "-O" || $0.name == "--remote-name" || $0.name == "--remote-name-all"
            }) {
                output = directory.map(Download.Output.directory) ?? .remoteName
            }
            return Download(
                tool: .curl, urls: urls, output: output, options: parsed.options, command: command)
        case "wget":
            let parsed = ParsedArguments(invocation.args, valueOptions: wgetValueOptions)
            var output = Download.Output.remoteName
            if let option = parsed.options.last(where: { $0.name == "-O" || $0.name == "--output-document" })
            {
                let file = FileReference(option.value)
                output = file == .path("-") ? .stdout : .file(file)
            } else if let option = parsed.options.last(where: {
                $0.name == "-P" || $0.name == "--directory-prefix"
            }) {
                output = .directory(FileReference(option.value))
            }
            return Download(
                tool: .wget, urls: parsed.operands, output: output, options: parsed.options, command: command)
        default:
            return nil
        }
    }
}

extension SimpleCommand {
    /// The `curl`/`wget` download this command is, or nil.
    public var download: Download? { DownloadModel.read(self) }
}

extension ShellScript {
    /// Every `curl` and `wget` invocation, in source order.
    public var downloads: [Download] { commands.compactMap(\.download) }
}
