import Testing

@testable import WhittleCLI

/// The option reader every command shares.
struct ArgumentCursorTests {
    func read(_ arguments: [String]) throws -> [String] {
        var cursor = ArgumentCursor(arguments, usage: "u")
        var out: [String] = []
        while let item = cursor.next() {
            switch item {
            case .path(let p): out.append("path:" + p)
            case .option(let o) where o == "--flag": out.append("flag")
            case .option(let o): out.append(o + "=" + (try cursor.value(of: o)))
            }
        }
        return out
    }

    @Test func valuesInlineOrNext() throws {
        #expect(
            try read(["--a=1", "--b", "2", "x", "--flag", "-"]) == [
                "--a=1", "--b=2", "path:x", "flag", "path:-",
            ])
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try read(["--a", "1", "--", "--b", "-c"]) == ["--a=1", "path:--b", "path:-c"])
    }

    @Test func aMissingValueIsAUsageError() {
        #expect(throws: UsageError.self) { try read(["--a"]) }
    }
}
