import Foundation
import WhittleSyntax

/// Comments that switch findings off:
/// - `# whittle ignore=ID[,ID] [-- reason]` for the next instruction;
/// - `# whittle ignore-file=ID[,ID]` for the whole file;
/// - `# hadolint ignore=DL3009,...` (next instruction) and `# hadolint global ignore=...` (file),
///   for findings that correspond to those hadolint rules;
/// - the `# check=skip=Name,...` directive, for findings that correspond to those BuildKit checks.
/// `all` stands for every pass (or every check).
public struct Suppressions: Sendable {
    /// Switched off in the whole file: whittle pass ids, hadolint codes, BuildKit check names
    /// (codes upper-cased, check names lower-cased).
    public private(set) var fileIDs: Set<String> = []
    public private(set) var fileHadolintCodes: Set<String> = []
    public private(set) var fileChecks: Set<String> = []
    /// Instruction start offset → what is switched off there.
    private var instructionIDs: [Int: Set<String>] = [:]
    private var instructionHadolintCodes: [Int: Set<String>] = [:]
    /// Instruction ranges in order, to find the instructions a finding touches.
    private var instructionRanges: [Range<Int>] = []

    public init(file: Dockerfile, passes: [any Pass.Type] = []) {
        if let check = file.directive("check") {
            for part in check.value.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard kv.count == 2, kv[0].lowercased() == "skip" else { continue }
                for name in kv[1].split(separator: ",") {
                    fileChecks.insert(name.trimmingCharacters(in: .whitespaces).lowercased())
                }
            }
        }
        var pendingIDs: Set<String> = []
        var pendingCodes: Set<String> = []
        for node in file.nodes {
            switch node {
            case .comment(let r):
                guard let pragma = Self.pragma(file.source.bytes, r) else { continue }
                switch pragma.kind {
                case .whittleNext: pendingIDs.formUnion(pragma.ids)
                case .whittleFile: fileIDs.formUnion(pragma.ids)
                case .hadolintNext: pendingCodes.formUnion(pragma.ids.map { $0.uppercased() })
                case .hadolintFile: fileHadolintCodes.formUnion(pragma.ids.map { $0.uppercased() })
                }
            case .instruction(let i):
                instructionRanges.append(i.range)
                if !pendingIDs.isEmpty { instructionIDs[i.range.lowerBound] = pendingIDs }
                if !pendingCodes.isEmpty { instructionHadolintCodes[i.range.lowerBound] = pendingCodes }
                pendingIDs = []
                pendingCodes = []
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
    static func pragma(_ s: [UInt8], _ r: Range<Int>) -> Pragma? {
        // Fast path: most comments mention neither tool.
        guard contains(s, r, "whittle") || contains(s, r, "hadolint") else { return nil }
        return pragma(String(decoding: s[r], as: UTF8.self))
    }

    /// Whether `s[r]` contains the lower-case ASCII `word`, ignoring case.
    static func contains(_ s: [UInt8], _ r: Range<Int>, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard r.count >= w.count, let first = w.first else { return false }
        var i = r.lowerBound
        while i + w.count <= r.upperBound {
            if s[i] | 0x20 == first {
                var k = 1
                while k < w.count && s[i + k] | 0x20 == w[k] { k += 1 }
                if k == w.count { return true }
            }
            i += 1
        }
        return false
    }

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

    /// Whether a finding of `pass` is switched off.
    public func isSuppressed(_ finding: Finding, pass: any Pass.Type) -> Bool {
        let codes = Set(
            (finding.ruleCodes.isEmpty ? pass.hadolintCodes + pass.buildKitChecks : finding.ruleCodes))
        // The comment above an instruction speaks for the finding about that instruction; a fix
        // that also edits a neighbour (merge-runs) is not silenced by the neighbour's comment.
        return isSuppressed(passID: finding.passID, codes: codes, ranges: [finding.range])
    }

    /// Whether `passID` (or one of `codes`, hadolint codes or BuildKit check names) is switched
    /// off over any of `ranges`.
    public func isSuppressed(passID: String, codes: Set<String> = [], ranges: [Range<Int>]) -> Bool {
        if fileIDs.contains(passID) || fileIDs.contains("all") { return true }
        let upper = Set(codes.map { $0.uppercased() })
        if !fileHadolintCodes.isDisjoint(with: upper) { return true }
        let checks = Set(
            codes.filter { !$0.uppercased().hasPrefix("DL") && !$0.uppercased().hasPrefix("SC") }.map {
                $0.lowercased()
            })
        if !checks.isEmpty && (fileChecks.contains("all") || !fileChecks.isDisjoint(with: checks)) {
            return true
        }
        for r in ranges {
            for ir in instructionRanges
            where ir.overlaps(r) || ir.lowerBound == r.lowerBound || (r.isEmpty && ir.contains(r.lowerBound))
            {
                if let ids = instructionIDs[ir.lowerBound], ids.contains(passID) || ids.contains("all") {
                    return true
                }
                if let hadolint = instructionHadolintCodes[ir.lowerBound], !hadolint.isDisjoint(with: upper) {
                    return true
                }
            }
        }
        return false
    }
}
