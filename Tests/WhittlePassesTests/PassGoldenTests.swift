import Foundation
import GoldenSupport
import Testing
import WhittleEngine
import WhittlePasses
import WhittleSyntax

/// `Golden/passes/<id>/<case>/`: a pass on a Dockerfile of our own.
///
/// A case holds `Dockerfile`, optionally `whittle.toml` (options; the pass under test is always
/// the only one selected) and `context/` (the build context; without it the case runs as if the
/// file came from standard input). Expected: `fixed.Dockerfile` (safe fixes), `fixed-unsafe.Dockerfile`
/// (with `--unsafe-fixes`) and `findings.txt` (the findings on the input). Every output must parse,
/// and fixing it again must change nothing. Re-record with `WHITTLE_RECORD=1`.
@Suite("Pass goldens")
struct PassGoldenTests {
    static let cases: [GoldenCase] = PassCatalog.all.flatMap { GoldenCase.all(area: "passes/\($0.id)") }

    static func passID(_ c: GoldenCase) -> String {
        c.directory.deletingLastPathComponent().lastPathComponent
    }

    static func configuration(_ c: GoldenCase, unsafe: Bool) throws -> Configuration {
        let toml = c.directory.appendingPathComponent("whittle.toml")
        var config = Configuration()
        if FileManager.default.fileExists(atPath: toml.path) {
            config = try Configuration.load(path: toml.path)
        }
        config.select = [passID(c)]
        config.ignore = []
        config.unsafeFixes = unsafe
        return config
    }

    static func context(_ c: GoldenCase) -> BuildContext? {
        let folder = c.directory.appendingPathComponent("context", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            return nil
        }
        return BuildContext(directory: folder.path)
    }

    static func optimize(_ bytes: [UInt8], _ c: GoldenCase, unsafe: Bool) throws -> OptimizationResult {
        let file = try Dockerfile.parse(bytes)
        try #require(file.error == nil, "the input does not parse: \(file.error!)")
        return Optimizer(passes: PassCatalog.all, configuration: try configuration(c, unsafe: unsafe))
            .run(file, path: "Dockerfile", buildContext: context(c))
    }

    /// Findings as stable text: position, rule, message, fix and notes.
    static func render(_ result: OptimizationResult) -> String {
        var out = ""
        for f in result.findings {
            let (start, _) = f.located(in: result.original.source)
            out += "\(start.line):\(start.column) \(f.passID): \(f.message)\n"
            if let fix = f.fix { out += "  fix (\(fix.safety.rawValue)): \(fix.title)\n" }
            if let effect = f.effect, !effect.summary.isEmpty { out += "  saves: \(effect.summary)\n" }
            for note in f.notes { out += "  note: \(note)\n" }
        }
        return out.isEmpty ? "no findings\n" : out
    }

    @Test("every pass has golden cases", arguments: PassCatalog.all.map { $0.id })
    func passHasGoldens(id: String) {
        #expect(!GoldenCase.all(area: "passes/\(id)").isEmpty, "add cases under Golden/passes/\(id)/")
    }

    @Test(arguments: cases)
    func golden(_ c: GoldenCase) throws {
        let input = c.inputBytes
        for unsafe in [false, true] {
            let result = try Self.optimize(input, c, unsafe: unsafe)
            #expect(result.internalErrors.isEmpty, "\(result.internalErrors)")
            assertGolden(
                actual: result.output,
                file: c.expected(unsafe ? "fixed-unsafe.Dockerfile" : "fixed.Dockerfile"))
            if !unsafe { assertGolden(actual: Self.render(result), file: c.expected("findings.txt")) }
            let reparsed = try Dockerfile.parse(result.output)
            #expect(reparsed.error == nil, "the output does not parse: \(String(describing: reparsed.error))")
            #expect(reparsed.printed() == result.output)
            let again = try Self.optimize(result.output, c, unsafe: unsafe)
            #expect(again.output == result.output, "a second fix changes the output")
        }
    }
}
