import Testing
import WhittleSyntax

/// `SourceEncoding`: BOM detection, UTF-16/32 transcoding, and the text check.
@Suite("Source encoding")
struct SourceEncodingTests {
    static let sample = "FROM alpine\r\nLABEL x=\"é ✓ 🐳\"\n"

    @Test func detection() {
        #expect(SourceEncoding.detect([]) == .utf8)
        #expect(SourceEncoding.detect([0xEF, 0xBB, 0xBF, 0x41]) == .utf8)
        #expect(SourceEncoding.detect([0xFF, 0xFE, 0x41, 0x00]) == .utf16LE)
        #expect(SourceEncoding.detect([0xFE, 0xFF, 0x00, 0x41]) == .utf16BE)
        #expect(SourceEncoding.detect([0xFF, 0xFE, 0x00, 0x00]) == .utf32LE)
        #expect(SourceEncoding.detect([0x00, 0x00, 0xFE, 0xFF]) == .utf32BE)
        #expect(SourceEncoding.detect([0xFF]) == .utf8)
    }

    @Test(arguments: [SourceEncoding.utf16LE, .utf16BE, .utf32LE, .utf32BE])
    func roundTrip(_ encoding: SourceEncoding) throws {
        let utf8 = Array(("\u{FEFF}" + Self.sample).utf8)
        let encoded = encoding.encode(utf8)
        #expect(SourceEncoding.detect(encoded) == encoding)
        let decoded = try #require(encoding.decode(encoded))
        #expect(decoded == utf8)
        let file = try Dockerfile.parse(decoded)
        #expect(file.hasByteOrderMark)
        #expect(encoding.encode(file.printed()) == encoded)
    }

    @Test func knownByteLayouts() {
        #expect(SourceEncoding.utf16LE.encode(Array("A🐳".utf8)) == [0x41, 0x00, 0x3D, 0xD8, 0x33, 0xDC])
        #expect(SourceEncoding.utf16BE.encode(Array("A".utf8)) == [0x00, 0x41])
        #expect(SourceEncoding.utf32LE.encode(Array("é".utf8)) == [0xE9, 0x00, 0x00, 0x00])
        #expect(SourceEncoding.utf32BE.encode(Array("é".utf8)) == [0x00, 0x00, 0x00, 0xE9])
        #expect(SourceEncoding.utf8.encode([0x41]) == [0x41])
    }

    @Test func invalidInputsDoNotDecode() {
        #expect(SourceEncoding.utf16LE.decode([0xFF, 0xFE, 0x41]) == nil, "odd length")
        #expect(SourceEncoding.utf16LE.decode([0x00, 0xD8, 0x41, 0x00]) == nil, "lone surrogate")
        #expect(SourceEncoding.utf32LE.decode([0x41, 0x00, 0x00]) == nil, "not a multiple of 4")
        #expect(SourceEncoding.utf32BE.decode([0x00, 0x11, 0x00, 0x00]) == nil, "beyond U+10FFFF")
        #expect(SourceEncoding.utf32LE.decode([0x00, 0xD8, 0x00, 0x00]) == nil, "surrogate code point")
    }

    @Test func onlyUTF8IsAccepted() throws {
        #expect(SourceEncoding.utf8.rejection == nil)
        let rejection = try #require(SourceEncoding.utf16LE.rejection)
        #expect(rejection.kind == .unreadable)
        #expect(rejection.message.contains("UTF-16LE"))
        #expect(rejection.line == 1)
    }

    @Test func validText() {
        #expect(SourceEncoding.validateUTF8Text(Array(Self.sample.utf8)) == nil)
        #expect(SourceEncoding.validateUTF8Text([]) == nil)
    }

    @Test func nulByteIsBinaryData() throws {
        let error = try #require(SourceEncoding.validateUTF8Text(Array("FROM a\nRUN é\u{0}\n".utf8)))
        #expect(error.kind == .unreadable)
        #expect(error.message.contains("NUL"))
        #expect(error.line == 2)
        #expect(error.column == 6)
    }

    @Test(
        "invalid UTF-8 with its place",
        arguments: [
            ([UInt8]([0x46, 0xFF]), 1, 2, "0xFF"),
            ([0x0A, 0xC3, 0x28], 2, 1, "0xC3"),  // bad continuation byte
            ([0xC0, 0x80], 1, 1, "0xC0"),  // overlong NUL
            ([0xE0, 0x80, 0x80], 1, 1, "0xE0"),  // overlong
            ([0xED, 0xA0, 0x80], 1, 1, "0xED"),  // UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 1, 1, "0xF4"),  // beyond U+10FFFF
            ([0x61, 0xE2, 0x9C], 1, 2, "0xE2"),  // truncated at the end
            ([0x80], 1, 1, "0x80"),  // stray continuation byte
        ])
    func invalidUTF8(_ bytes: [UInt8], _ line: Int, _ column: Int, _ byte: String) throws {
        let error = try #require(SourceEncoding.validateUTF8Text(bytes))
        #expect(error.kind == .unreadable)
        #expect(error.message == "invalid UTF-8 (byte \(byte))")
        #expect(error.line == line)
        #expect(error.column == column)
    }

    @Test func parseThrowsForUnreadableBytes() {
        #expect(throws: SyntaxError.self) { try Dockerfile.parse([0x46, 0x00]) }
        #expect(throws: SyntaxError.self) { try Dockerfile.parse([0x46, 0xFF]) }
        #expect(throws: SyntaxError.self) {
            try Dockerfile.parse(SourceEncoding.utf16LE.encode(Array("\u{FEFF}FROM a\n".utf8)))
        }
    }
}
