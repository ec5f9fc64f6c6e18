/// Splits a byte buffer into lines.
///
/// Lines are split after every `"\n"` (0x0A) byte. Each returned line keeps its terminating `"\n"`,
/// and any `"\r"` in front of it, exactly as it appears in the buffer. The last line of a buffer that
/// does not end with `"\n"` is returned without a terminator. An empty buffer has no lines.
///
/// Because the terminator is part of a line, concatenating the lines reproduces the buffer exactly,
/// and a final line without a newline never compares equal to the same text with a newline.
enum LineSplitter {
    /// The lines of `bytes`, each including its terminating newline when present.
    static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == newline {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count {
            result.append(Array(bytes[start...]))
        }
        return result
    }

    /// The line feed byte, `"\n"`.
    static let newline: UInt8 = 0x0A
}
