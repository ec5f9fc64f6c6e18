import Testing
import WhittleShell

@Suite("Downloads, archives, temporary files, removals")
struct FileOperationTests {
    func download(_ text: String) -> Download? { parse(text).downloads.first }

    @Test func curlOutputs() throws {
        #expect(
            try #require(download("curl -fsSL -o /tmp/x.tgz https://e.x/a.tgz")).output
                == .file(.path("/tmp/x.tgz")))
        #expect(try #require(download("curl --output=/tmp/y https://e.x/y")).output == .file(.path("/tmp/y")))
        #expect(try #require(download("curl --output /tmp/z https://e.x/z")).output == .file(.path("/tmp/z")))
        #expect(try #require(download("curl -fsSLO https://e.x/a.tgz")).output == .remoteName)
        #expect(try #require(download("curl -sSL https://e.x")).output == .stdout)
        #expect(try #require(download("curl -o \"$TMP/f\" https://e.x")).output == .file(.unknown))
        #expect(try #require(download("curl -o - https://e.x")).output == .stdout)
        let d = try #require(download("curl -fsSL --retry 3 -H 'X: y' -o out https://e.x/a"))
        #expect(d.urls.map(\.literal) == ["https://e.x/a"])
        #expect(d.tool == .curl)
        #expect(d.hasOption("-f") && d.hasOption("--retry"))
    }

    @Test func wgetOutputs() throws {
        #expect(try #require(download("wget -O /tmp/a https://e.x/a")).output == .file(.path("/tmp/a")))
        #expect(try #require(download("wget -qO- https://e.x/a")).output == .stdout)
        #expect(try #require(download("wget -q -O - https://e.x/a")).output == .stdout)
        #expect(try #require(download("wget https://e.x/a")).output == .remoteName)
        #expect(try #require(download("wget -P /opt https://e.x/a")).output == .directory(.path("/opt")))
        #expect(try #require(download("wget --output-document=/x https://e.x")).output == .file(.path("/x")))
        #expect(
            try #require(download("wget -nv -O x https://e.x/a")).urls.map(\.literal) == ["https://e.x/a"])
    }

    @Test func pipedDownloadAndExtraction() throws {
        let script = parse("curl -fsSL https://e.x/a.tgz | tar -xz -C /opt --strip-components=1")
        let d = try #require(script.downloads.first)
        #expect(d.isPiped)
        let x = try #require(script.archiveExtractions.first)
        #expect(x.archive == nil)
        #expect(x.directory == .path("/opt"))
        #expect(!(try #require(download("curl -o f https://e.x | cat")).isPiped))
    }

    @Test func tarSpellings() throws {
        let cases: [(String, FileReference?, FileReference?)] = [
            ("tar -xzf node.tgz -C /usr/local", .path("node.tgz"), .path("/usr/local")),
            ("tar xzf node.tgz", .path("node.tgz"), nil),
            ("tar -xf a.tar --directory=/opt", .path("a.tar"), .path("/opt")),
            ("tar --extract --file a.tar --directory /opt", .path("a.tar"), .path("/opt")),
            (
                "tar -xJC /usr/src/python --strip-components=1 -f python.tar.xz", .path("python.tar.xz"),
                .path("/usr/src/python")
            ),
            ("tar -x -f \"$TARBALL\"", .unknown, nil),
            ("tar -xf - -C /x", nil, .path("/x")),
        ]
        for (text, archive, directory) in cases {
            let x = try #require(parse(text).archiveExtractions.first, "\(text)")
            #expect(x.archive == archive, "\(text)")
            #expect(x.directory == directory, "\(text)")
        }
        #expect(parse("tar -czf out.tgz dir").archiveExtractions.isEmpty)
        #expect(parse("tar cf out.tar dir").archiveExtractions.isEmpty)
    }

    @Test func unzip() throws {
        let x = try #require(parse("unzip -q awscli.zip -d /tmp/aws").archiveExtractions.first)
        #expect(x.tool == .unzip)
        #expect(x.archive == .path("awscli.zip"))
        #expect(x.directory == .path("/tmp/aws"))
    }

    @Test func mktemp() throws {
        let script = parse("export GNUPGHOME=\"$(mktemp -d)\"; tmp=$(mktemp /tmp/x.XXXX); mktemp")
        let files = script.temporaryFiles
        #expect(files.count == 3)
        #expect(files[0].isDirectory)
        #expect(files[0].assignedVariable == nil)
        #expect(files[1].assignedVariable == "tmp")
        #expect(files[1].template?.literal == "/tmp/x.XXXX")
        #expect(!files[2].isDirectory)
    }

    @Test func removals() throws {
        let removal = try #require(parse("rm -rf /tmp/* \"$GNUPGHOME\" /root/.gnupg").removals.first)
        #expect(removal.isRecursive && removal.isForced)
        #expect(removal.paths.map(\.raw) == ["/tmp/*", "\"$GNUPGHOME\"", "/root/.gnupg"])
        #expect(removal.literalPaths == ["/tmp/*", "/root/.gnupg"])
        let plain = try #require(parse("rm file").removals.first)
        #expect(!plain.isRecursive && !plain.isForced)
        #expect(parse("echo rm -rf /").removals.isEmpty)
    }
}
