import Testing
import WhittleTOML

@Suite("whittle configuration files")
struct WhittleConfigTests {
    @Test func realisticConfig() throws {
        let source = """
            # whittle configuration
            select = ["merge-runs", "clean-package-cache"]
            ignore = []
            unsafe-fixes = false
            [passes.merge-runs]
            max-chain-length = 12
            [passes.clean-package-cache]
            style = "mounts"   # or "clean"
            """
        let config = try TOMLParser.parse(source)
        #expect(config.keys == ["select", "ignore", "unsafe-fixes", "passes"])
        #expect(config.stringArray("select") == ["merge-runs", "clean-package-cache"])
        #expect(config.stringArray("ignore") == [])
        #expect(config.bool("unsafe-fixes") == false)
        #expect(config.table("passes")?.keys == ["merge-runs", "clean-package-cache"])
        #expect(config.table("passes.merge-runs")?.int("max-chain-length") == 12)
        #expect(config.table("passes.clean-package-cache")?.string("style") == "mounts")

        let expected: TOMLTable = [
            "select": ["merge-runs", "clean-package-cache"],
            "ignore": [],
            "unsafe-fixes": false,
            "passes": [
                "merge-runs": ["max-chain-length": 12],
                "clean-package-cache": ["style": "mounts"],
            ],
        ]
        #expect(config == expected)
    }

    @Test func equivalentSpellingsProduceTheSameTable() throws {
        let headers = try TOMLParser.parse(
            """
            [passes.merge-runs]
            max-chain-length = 12
            """)
        let dotted = try TOMLParser.parse("passes.merge-runs.max-chain-length = 12")
        let inline = try TOMLParser.parse("passes = { merge-runs = { max-chain-length = 12 } }")
        #expect(headers == dotted)
        #expect(dotted == inline)
    }

    @Test func windowsEditedConfigWithBOMAndCRLF() throws {
        let source =
            "\u{FEFF}# whittle\r\nselect = [\r\n  \"merge-runs\",\r\n]\r\n[passes.merge-runs]\r\nmax-chain-length = 4\r\n"
        let config = try TOMLParser.parse(source)
        #expect(config.stringArray("select") == ["merge-runs"])
        #expect(config.table("passes.merge-runs")?.int("max-chain-length") == 4)
    }

    @Test func typoInConfigReportsPosition() {
        let source = """
            # whittle configuration
            select = ["merge-runs", "clean-package-cache"]
            unsafe-fixes = flase
            """
        #expect(
            throws: TOMLError(line: 3, column: 16, message: "invalid value 'flase'; strings must be quoted")
        ) {
            try TOMLParser.parse(source)
        }
    }

    @Test func pyprojectStyleToolSection() throws {
        let source = """
            [tool.whittle]
            select = ["merge-runs"]
            per-file-ignores = { "docker/Dockerfile.dev" = ["clean-package-cache"] }
            """
        let config = try TOMLParser.parse(source)
        let tool = try #require(config.table("tool.whittle"))
        #expect(tool.stringArray("select") == ["merge-runs"])
        #expect(
            tool.table(atPath: ["per-file-ignores"])?.stringArray("docker/Dockerfile.dev") == [
                "clean-package-cache"
            ])
    }
}
