import Foundation
import GoldenSupport
import Testing
import WhittleEngine
import WhittleSyntax

@testable import WhittleCLI

/// Docs/CLI.md keeps up with the code: every option, format, level, skipped folder, whittle.toml
/// key and JSON field is documented.
@Suite("Docs/CLI.md")
struct DocsTests {
    static let document: String = {
        let url = RepositoryPaths.root.appendingPathComponent("Docs/CLI.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The part of the document between a heading and the next heading of the same level.
    static func section(_ heading: String) -> String {
        guard let start = document.range(of: "\n\(heading)\n") else { return "" }
        let level = heading.prefix { $0 == "#" }
        let rest = document[start.upperBound...]
        let end = rest.range(of: "\n\(level) ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func exists() {
        #expect(!Self.document.isEmpty, "Docs/CLI.md is missing")
    }

    @Test func everyOptionIsDocumented() {
        let words = CommandOptions.optionsHelp.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" })
        let options = Set(words.filter { $0.hasPrefix("-") }.map(String.init))
        #expect(options.count >= 15)
        let table = Self.section("## Options")
        for option in options.sorted() {
            #expect(table.contains("`\(option)"), "\(option) is not in the Options table")
        }
    }

    @Test func everyCommandIsDocumented() {
        let commands = Self.section("## Commands")
        for command in [
            "diff", "fix", "fix --stdout", "check", "rules", "explain", "parse --json", "parse --print",
            "--help", "--version",
        ] {
            #expect(commands.contains("`whittle \(command)"), "\(command)")
        }
    }

    @Test func everyFormatAndLevelIsDocumented() {
        for format in CommandOptions.OutputFormat.allCases {
            #expect(Self.section("### \(format.rawValue)").count > 200, "no section for \(format.rawValue)")
        }
        let exitCodes = Self.section("## Exit codes")
        for level in CommandOptions.FailOn.allCases {
            #expect(exitCodes.contains("`\(level.rawValue)`"), "\(level.rawValue)")
        }
        for code in [ExitCode.success, ExitCode.changesPending, ExitCode.inputError, ExitCode.usage] {
            #expect(exitCodes.contains("| \(code) |"), "exit code \(code)")
        }
    }

    @Test func everySkippedFolderIsDocumented() {
        let files = Self.section("## Which files are read")
        for folder in FileDiscovery.skippedFolders.sorted() {
            #expect(files.contains("`\(folder)`"), "\(folder)")
        }
    }

    @Test func everyConfigurationKeyIsDocumented() {
        let configuration = Self.section("## Configuration: whittle.toml")
        for key in ["select", "ignore", "unsafe-fixes", "cache-style", "[passes.<id>]"] {
            #expect(configuration.contains("| `\(key)` |"), "\(key)")
        }
        for name in Configuration.fileNames {
            #expect(configuration.contains("`\(name)`"), "\(name)")
        }
    }

    @Test func everyJSONFieldIsDocumented() throws {
        // A document with every field: a file with a finding whose effect and fix are complete,
        // and a file that could not be read.
        let file = try Dockerfile.parse(Array(Sample.safe.utf8))
        let finding = Finding(
            passID: "exec-form", message: "m", range: 17..<35, notes: ["n"],
            effect: Effect(layersRemoved: 1, bytesSaved: 2, keepsCacheOnSourceChange: true, note: "x"),
            fix: Fix(title: "t", safety: .safe, edits: [TextEdit(range: 21..<35, replacement: "r")]))
        var keys = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    keys.insert(key)
                    collect(member)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(JSONReporter.finding(finding, source: file.source, applied: true))
        let scratch = try CLIScratch("docs")
        let bad = try scratch.write("bad", bytes: [0xFF])
        let good = try scratch.write("good", Sample.safe)
        collect(
            try #require(
                Self.parse(CLI.run(["check", "--format", "json", bad, good], in: scratch.path).stdout)))
        keys.insert("internal_errors")
        #expect(keys.count >= 30)
        let json = Self.section("### json")
        for key in keys.sorted() {
            let documented = ["`", ".", "["].contains { json.contains(key + $0) }
            #expect(documented, "the JSON field '\(key)' is not documented")
        }
    }

    /// JSON text as a `JSONValue` (objects keep their keys; order does not matter here).
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        func convert(_ any: Any) -> JSONValue {
            switch any {
            case let object as [String: Any]: return .object(object.map { ($0.key, convert($0.value)) })
            case let array as [Any]: return .array(array.map(convert))
            case let string as String: return .string(string)
            default: return .null
            }
        }
        return GoldenJSON.parse(bytes).map(convert)
    }
}
