import Testing
import WhittleEngine
import WhittlePasses
import WhittleSyntax

/// Every example a pass documents runs here: the input must become the output (or stay as it is),
/// the output must parse and must not change again, and the same holds behind a line of
/// multi-byte text (a twist borrowed from SwiftLint that catches byte-offset mistakes).
struct PassExamplesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pass: any Pass.Type
        let example: PassExample
        var testDescription: String { "\(pass.id): \(example.title)" }
    }

    static let cases: [Case] = PassCatalog.all.flatMap { pass in
        pass.examples.map { Case(pass: pass, example: $0) }
    }

    static func optimize(_ text: String, _ c: Case) throws -> OptimizationResult {
        let configuration = Configuration(
            select: [c.pass.id], unsafeFixes: c.example.unsafeFixes,
            passOptions: [c.pass.id: PassOptions(c.example.options)])
        let file = try Dockerfile.parse(text)
        return Optimizer(passes: PassCatalog.all, configuration: configuration).run(
            file, path: "Dockerfile", buildContext: nil)
    }

    @Test("every pass has examples, including one it leaves alone", arguments: PassCatalog.all.map { $0.id })
    func passHasExamples(id: String) throws {
        let pass = try #require(PassCatalog.pass(id: id))
        #expect(pass.examples.contains { $0.output != nil })
        #expect(pass.examples.contains { $0.output == nil })
    }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let result = try Self.optimize(c.example.input, c)
        let expected = c.example.output ?? c.example.input
        #expect(String(decoding: result.output, as: UTF8.self) == expected)
        #expect(result.internalErrors.isEmpty)
        if c.example.output != nil {
            #expect(result.findings.contains { $0.passID == c.pass.id })
        }
        let again = try Self.optimize(expected, c)
        #expect(!again.changed, "a second run changes the output")
    }

    @Test(arguments: cases)
    func exampleBehindMultibyteText(_ c: Case) throws {
        let prefix = "# Größe → ÜBER 東京 🐳\n"
        func withPrefix(_ s: String) -> String {
            // Keep parser directives first.
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var at = 0
            while at < lines.count,
                lines[at].hasPrefix("# syntax") || lines[at].hasPrefix("# escape")
                    || lines[at].hasPrefix("# check")
            {
                at += 1
            }
            lines.insert(String(prefix.dropLast()), at: at)
            return lines.joined(separator: "\n")
        }
        let result = try Self.optimize(withPrefix(c.example.input), c)
        #expect(
            String(decoding: result.output, as: UTF8.self) == withPrefix(c.example.output ?? c.example.input))
    }
}
