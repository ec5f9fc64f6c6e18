/// A here-document attached to RUN, COPY or ADD (`<<EOF` ... `EOF`).
public struct Heredoc: Sendable, Equatable {
    /// The terminator word, quotes removed.
    public let name: String
    /// The file descriptor prefix (`3<<EOF`), 0 when absent.
    public let fileDescriptor: Int
    /// False when any part of the word was quoted (`<<"EOF"`, `<<'EOF'`): no expansion.
    public let expand: Bool
    /// True for `<<-EOF`: leading tabs are stripped from the body and the terminator.
    public let chomp: Bool
    /// The body exactly as in the file, every line with its terminator (BuildKit's `Content`).
    public let content: String
    /// The logical range of the `<<EOF` word in the instruction's text.
    public let wordRange: Range<Int>
    /// The source range of the body lines.
    public let bodyRange: Range<Int>
    /// The source range of the terminator line, including its line terminator.
    public let terminatorRange: Range<Int>

    public init(
        name: String, fileDescriptor: Int, expand: Bool, chomp: Bool, content: String,
        wordRange: Range<Int>, bodyRange: Range<Int>, terminatorRange: Range<Int>
    ) {
        self.name = name
        self.fileDescriptor = fileDescriptor
        self.expand = expand
        self.chomp = chomp
        self.content = content
        self.wordRange = wordRange
        self.bodyRange = bodyRange
        self.terminatorRange = terminatorRange
    }

    /// The body as the build sees it: with `<<-`, leading tabs removed from every line.
    public var effectiveContent: String {
        guard chomp else { return content }
        var out = ""
        var atLineStart = true
        for ch in content {
            if atLineStart && ch == "\t" { continue }
            atLineStart = ch == "\n" || ch == "\r\n"
            out.append(ch)
        }
        return out
    }
}
