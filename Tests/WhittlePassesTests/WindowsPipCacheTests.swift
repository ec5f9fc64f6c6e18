import Testing

@testable import WhittlePasses

@Suite("pip's cache under cmd.exe and PowerShell")
struct WindowsPipCacheTests {
    func words(_ line: String, powerShell: Bool) -> [[String]] {
        let bytes = Array(line.utf8)
        return WindowsPipCache.commands(bytes, isPowerShell: powerShell).map { command in
            command.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func splitsCommandsAndKeepsQuotedWords() {
        #expect(
            words(#"pip install "a b" && echo x | findstr x"#, powerShell: false) == [
                ["pip", "install", #""a b""#], ["echo", "x"], ["findstr", "x"],
            ])
        #expect(
            words("py -m pip install 'a;b'; Remove-Item x", powerShell: true) == [
                ["py", "-m", "pip", "install", "'a;b'"], ["Remove-Item", "x"],
            ])
        // In cmd.exe `;` and `'` are ordinary characters.
        #expect(words("pip install a;b 'c", powerShell: false) == [["pip", "install", "a;b", "'c"]])
    }

    @Test(arguments: [("pip install ^\"x\"", false), ("pip install `$x", true), ("pip install \"x", false)])
    func escapesAndOpenQuotesYieldNothing(line: String, powerShell: Bool) {
        #expect(words(line, powerShell: powerShell).isEmpty)
    }

    @Test func recognisesPipInstalls() {
        #expect(WindowsPipCache.installWordIndex(["pip", "install", "x"]) == 1)
        #expect(WindowsPipCache.installWordIndex([#"C:\Python\Scripts\pip3.exe"#, "install", "x"]) == 1)
        #expect(WindowsPipCache.installWordIndex(["python", "-m", "pip", "install", "x"]) == 3)
        #expect(WindowsPipCache.installWordIndex(["pip", "download", "x"]) == nil)
        #expect(WindowsPipCache.installWordIndex(["pipx", "install", "x"]) == nil)
        #expect(WindowsPipCache.installWordIndex(["python", "-m", "pip"]) == nil)
    }
}

@Suite("pip's cache under Windows shells, across lines")
struct WindowsPipCacheContinuationTests {
    @Test func lineContinuationsAreBlanks() {
        let line = "pip install `\r\n    flask `\n    gunicorn"
        let bytes = Array(line.utf8)
        let commands = WindowsPipCache.commands(bytes, isPowerShell: true, escape: UInt8(ascii: "`"))
        #expect(
            commands.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } } == [
                ["pip", "install", "flask", "gunicorn"]
            ])
        // A backtick that is not at a line end is PowerShell's own escape: left alone.
        #expect(
            WindowsPipCache.commands(Array("pip install `$x".utf8), isPowerShell: true, escape: 96).isEmpty)
    }
}
