import Foundation
import GoldenSupport
import Testing
import WhittleEngine
import WhittlePasses

/// `Docs/passes/` is generated from the passes themselves, never written by hand: one page per
/// pass (`PassDocumentation.markdown`, the text `whittle explain` prints) and an index
/// (`README.md`: id, fix safety and summary of every pass, with links).
///
/// A pass whose id, summary, rationale, safety or examples change fails here until the pages are
/// regenerated: `WHITTLE_RECORD=1 swift test --filter PassDocsTests`, then review the diff.
@Suite("Docs/passes")
struct PassDocsTests {
    static var folder: URL {
        RepositoryPaths.root.appendingPathComponent("Docs", isDirectory: true)
            .appendingPathComponent("passes", isDirectory: true)
    }

    /// The index page: every pass of `PassCatalog.all`, in catalog order.
    static func index() -> String {
        var out = """
            # Passes

            Every pass whittle has, in the order they run. Each page is generated from the pass itself
            (its summary, rationale, fix safety and examples, which also run as tests); do not edit
            these files by hand. After changing a pass, regenerate them with
            `WHITTLE_RECORD=1 swift test --filter PassDocsTests` and review the diff.

            Fix safety is explained in [FixSafety.md](../FixSafety.md): **safe** fixes are applied by
            `whittle fix`, **unsafe** ones only with `--unsafe-fixes`, **suggestions** never.

            | pass | fix safety | what it does |
            |---|---|---|

            """
        for pass in PassCatalog.all {
            out +=
                "| [\(pass.id)](\(pass.id).md) | \(pass.fixSafety.rawValue) | \(tableCell(pass.summary)) |\n"
        }
        return out
    }

    /// Text that cannot break a Markdown table row.
    static func tableCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    @Test("every pass has a generated page", arguments: PassCatalog.all.map { $0.id })
    func page(id: String) throws {
        let pass = try #require(PassCatalog.pass(id: id))
        assertGolden(
            actual: PassDocumentation.markdown(pass), file: Self.folder.appendingPathComponent("\(id).md"))
    }

    @Test("the index lists every pass")
    func indexPage() {
        assertGolden(actual: Self.index(), file: Self.folder.appendingPathComponent("README.md"))
    }

    @Test("no page for a pass that no longer exists")
    func noStalePages() {
        let ids = Set(PassCatalog.all.map { $0.id })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
            let id = String(name.dropLast(".md".count))
            #expect(ids.contains(id), "Docs/passes/\(name) belongs to no pass in PassCatalog.all: delete it")
        }
    }
}
