import Foundation

/// The build context folder: which files exist and which `.dockerignore` excludes.
public struct BuildContext: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(relativePath))
    }

    public func contents(_ relativePath: String) -> [UInt8]? {
        FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(relativePath)).map
        { Array($0) }
    }
}
