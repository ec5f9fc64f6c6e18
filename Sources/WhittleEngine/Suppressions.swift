import Foundation
import WhittleSyntax

/// Comments that switch passes off:
/// - `# whittle ignore=ID[,ID] [-- reason]` for the next instruction;
/// - `# whittle ignore-file=ID[,ID]` for the whole file;
/// - `# hadolint ignore=DL3059,...` (next instruction) and `# hadolint global ignore=...` (file),
///   for the hadolint codes that map to a pass;
/// - the `# check=skip=Name,...` directive, for the BuildKit checks that map to a pass.
/// `all` stands for every pass.
public struct Suppressions: Sendable {
    public private(set) var fileWide: Set<String> = []
    /// Instruction start offset → pass ids switched off there.
    public private(set) var perInstruction: [Int: Set<String>] = [:]
    /// Instruction ranges in order, to find the instructions a finding touches.
    private var instructionRanges: [Range<Int>] = []

    public init(file: Dockerfile, passes: [any Pass.Type]) {
        let allIDs = Set(passes.map { $0.id })
        func idsForHadolint(_ codes: [String]) -> Set<String> {
            Set(
                passes.filter { p in codes.contains { c in p.hadolintCodes.contains(c.uppercased()) } }.map {
                    $0.id
                })
        }
        func idsForWhittle(_ ids: [String]) -> Set<String> {
            ids.contains("all") ? allIDs : Set(ids)
        }
        if let check = file.directive("check") {
            for part in check.value.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard kv.count == 2, kv[0].lowercased() == "skip" else { continue }
                let names = kv[1].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
                if names.contains("all") {
                    fileWide.formUnion(passes.filter { !$0.buildKitChecks.isEmpty }.map { $0.id })
                } else {
                    fileWide.formUnion(
                        passes.filter { p in p.buildKitChecks.contains { names.contains($0.lowercased()) } }
                            .map { $0.id })
                }
            }
        }
        var pending: Set<String> = []
        for node in file.nodes {
            switch node {
            case .comment(let r):
                guard let pragma = Self.pragma(file.source.string(r)) else { continue }
                switch pragma.kind {
                case .whittleNext: pending.formUnion(idsForWhittle(pragma.ids))
                case .whittleFile: fileWide.formUnion(idsForWhittle(pragma.ids))
                case .hadolintNext: pending.formUnion(idsForHadolint(pragma.ids))
                case .hadolintFile: fileWide.formUnion(idsForHadolint(pragma.ids))
                }
            case .instruction(let i):
                instructionRanges.append(i.range)
                if !pending.isEmpty {
                    perInstruction[i.range.lowerBound, default: []].formUnion(pending)
                    pending = []
                }
            default:
                break
            }
        }
    }

    struct Pragma {
        enum Kind { case whittleNext, whittleFile, hadolintNext, hadolintFile }
        let kind: Kind
        let ids: [String]
    }

    /// Reads one comment line as a pragma, if it is one.
    static func pragma(_ line: String) -> Pragma? {
        var text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("#") else { return nil }
        text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        if let reason = text.range(of: " -- ") { text = String(text[..<reason.lowerBound]) }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 2 else { return nil }
        func ids(_ word: String, key: String) -> [String]? {
            guard word.lowercased().hasPrefix(key + "=") else { return nil }
            return word.dropFirst(key.count + 1).split(separator: ",").map { String($0) }.filter {
                !$0.isEmpty
            }
        }
        switch words[0].lowercased() {
        case "whittle":
            if let v = ids(words[1], key: "ignore") { return Pragma(kind: .whittleNext, ids: v) }
            if let v = ids(words[1], key: "ignore-file") { return Pragma(kind: .whittleFile, ids: v) }
        case "hadolint":
            if let v = ids(words[1], key: "ignore") { return Pragma(kind: .hadolintNext, ids: v) }
            if words[1].lowercased() == "global", words.count >= 3, let v = ids(words[2], key: "ignore") {
                return Pragma(kind: .hadolintFile, ids: v)
            }
        default:
            break
        }
        return nil
    }

    /// Whether a finding of `passID` over `ranges` (its range and its fix's edits) is switched off.
    public func isSuppressed(passID: String, ranges: [Range<Int>]) -> Bool {
        if fileWide.contains(passID) { return true }
        for r in ranges {
            for ir in instructionRanges
            where ir.overlaps(r) || ir.lowerBound == r.lowerBound || (r.isEmpty && ir.contains(r.lowerBound))
            {
                if perInstruction[ir.lowerBound]?.contains(passID) == true { return true }
            }
        }
        return false
    }
}
