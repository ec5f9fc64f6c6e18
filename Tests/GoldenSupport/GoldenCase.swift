import Foundation
import Testing

/// One golden case: `Golden/<area>/<name>/`, holding an input file and the expected outputs.
///
/// Convention for the whole project: the input is `Dockerfile`; each area names its expected
/// files (for `parse`: `parse.json`). Record or refresh them with `WHITTLE_RECORD=1 swift test`.
public struct GoldenCase: Sendable, Hashable, CustomStringConvertible, CustomTestStringConvertible {
    public let area: String
    public let name: String
    public let directory: URL

    public init(area: String, name: String, directory: URL) {
        self.area = area
        self.name = name
        self.directory = directory
    }

    /// The case's input file.
    public var input: URL { directory.appendingPathComponent("Dockerfile") }

    /// The input's bytes (empty when it cannot be read; the test then fails on its expectations).
    public var inputBytes: [UInt8] {
        (try? Data(contentsOf: input)).map { Array($0) } ?? []
    }

    /// An expected-output file of this case, e.g. `expected("parse.json")`.
    public func expected(_ fileName: String) -> URL { directory.appendingPathComponent(fileName) }

    public var description: String { "\(area)/\(name)" }
    public var testDescription: String { name }

    /// The folder holding every case of an area: `Golden/<area>/`.
    public static func folder(area: String) -> URL {
        RepositoryPaths.golden.appendingPathComponent(area, isDirectory: true)
    }

    /// Every case of an area, sorted by name. A case is a sub-folder that holds a `Dockerfile`.
    public static func all(area: String) -> [GoldenCase] {
        let folder = folder(area: area)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            let directory = folder.appendingPathComponent(name, isDirectory: true)
            guard
                FileManager.default.fileExists(
                    atPath: directory.appendingPathComponent("Dockerfile").path)
            else { return nil }
            return GoldenCase(area: area, name: name, directory: directory)
        }
    }
}
