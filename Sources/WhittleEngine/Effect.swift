/// What applying a fix is expected to save, where it can be estimated.
public struct Effect: Sendable, Hashable {
    /// Image layers the fix removes.
    public var layersRemoved: Int?
    /// Estimated bytes the final image loses.
    public var bytesSaved: Int?
    /// Whether the fix keeps a cached layer valid when only source files change.
    public var keepsCacheOnSourceChange: Bool
    /// A short free-text estimate when no number fits ("apt lists, typically 20-40 MB").
    public var note: String?
    /// Paths the fix removes from the image on purpose (caches, unpacked archives), so that
    /// `whittle verify` can tell an intended removal from a lost file. A trailing `/` means the
    /// whole folder.
    public var removedPaths: [String]

    public init(
        layersRemoved: Int? = nil, bytesSaved: Int? = nil, keepsCacheOnSourceChange: Bool = false,
        note: String? = nil, removedPaths: [String] = []
    ) {
        self.layersRemoved = layersRemoved
        self.bytesSaved = bytesSaved
        self.keepsCacheOnSourceChange = keepsCacheOnSourceChange
        self.note = note
        self.removedPaths = removedPaths
    }

    /// A one-line human description: "1 layer fewer, ~30 MB smaller".
    public var summary: String {
        var parts: [String] = []
        if let layersRemoved, layersRemoved > 0 {
            parts.append(layersRemoved == 1 ? "1 layer fewer" : "\(layersRemoved) layers fewer")
        }
        if let bytesSaved, bytesSaved > 0 { parts.append("~\(Effect.megabytes(bytesSaved)) smaller") }
        if keepsCacheOnSourceChange { parts.append("install layer stays cached when only source changes") }
        if let note { parts.append(note) }
        return parts.joined(separator: ", ")
    }

    public static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_000_000
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\(Double(Int(mb * 10)) / 10) MB"
    }
}
