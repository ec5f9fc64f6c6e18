import WhittleSyntax

/// The pipeline: parse, run the enabled passes, apply the fixes that are allowed and do not
/// overlap, parse again, and repeat until nothing changes.
///
/// A round whose output does not parse, does not print back to itself, or changes what BuildKit
/// reads in a way no pass announced, is not kept: its fixes are tried one by one, the ones that
/// break the file are dropped and reported as internal errors, and the user's file is never made
/// worse.
public struct Optimizer: Sendable {
    public let passes: [any Pass.Type]
    public let configuration: Configuration
    public static let maximumRounds = 8

    public init(passes: [any Pass.Type], configuration: Configuration) {
        self.passes = passes
        self.configuration = configuration
    }

    public var enabledPasses: [any Pass.Type] { passes.filter { configuration.isEnabled($0.id) } }

    /// The findings of one round over `file`, suppressions applied.
    public func findings(in file: Dockerfile, path: String, buildContext: BuildContext?) -> [Finding] {
        let suppressions = Suppressions(file: file, passes: passes)
        let base = PassContext(
            file: file, path: path, buildContext: buildContext, configuration: configuration,
            suppressions: suppressions)
        var out: [Finding] = []
        let cache = AnalysisCache()
        for pass in enabledPasses {
            let context = base.with(options: configuration.options(for: pass.id))
            let found = AnalysisCache.$current.withValue(cache) { pass.init().run(context) }
            for finding in found {
                if !suppressions.isSuppressed(finding, pass: pass) { out.append(finding) }
            }
        }
        return out.sorted { ($0.range.lowerBound, $0.passID) < ($1.range.lowerBound, $1.passID) }
    }

    /// Optimises a parsed file.
    public func run(_ file: Dockerfile, path: String, buildContext: BuildContext?) -> OptimizationResult {
        var current = file
        var firstFindings: [Finding]? = nil
        var applied: [Finding] = []
        var internalErrors: [String] = []
        var rejected: Set<Fix> = []
        var converged = false
        for _ in 0..<Self.maximumRounds {
            let found = findings(in: current, path: path, buildContext: buildContext)
            if firstFindings == nil { firstFindings = found }
            // When two fixes touch the same place, the earlier pass wins this round (merging RUNs
            // before adding a cleanup to each of them); the other is found again next round.
            let order = Dictionary(
                enabledPasses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            var chosen: [Finding] = []
            for finding in found.enumerated().sorted(by: {
                (order[$0.element.passID] ?? Int.max, $0.offset) < (
                    order[$1.element.passID] ?? Int.max, $1.offset
                )
            }).map(\.element) {
                guard let fix = finding.fix, fix.safety.isApplied(unsafeFixes: configuration.unsafeFixes),
                    !fix.edits.isEmpty, !rejected.contains(fix)
                else { continue }
                if chosen.contains(where: { $0.fix!.overlaps(fix) }) { continue }
                chosen.append(finding)
            }
            if chosen.isEmpty {
                converged = true
                break
            }
            let bytes = current.source.bytes
            let all = TextEdit.apply(chosen.flatMap { $0.fix!.edits }, to: bytes)
            if let next = Self.validated(all) {
                current = next
                applied += chosen
                continue
            }
            // Some fix broke the file: keep the ones that are fine on their own.
            var kept: [Finding] = []
            var keptBytes = bytes
            for finding in chosen {
                let trial = TextEdit.apply((kept + [finding]).flatMap { $0.fix!.edits }, to: bytes)
                if Self.validated(trial) != nil {
                    kept.append(finding)
                    keptBytes = trial
                } else {
                    rejected.insert(finding.fix!)
                    internalErrors.append(
                        "internal error: the \(finding.passID) fix '\(finding.fix!.title)' produced a file that does not parse; it was dropped (please report this)"
                    )
                }
            }
            guard let next = Self.validated(keptBytes) else { break }
            current = next
            applied += kept
        }
        if !converged {
            internalErrors.append(
                "internal error: the fixes did not settle after \(Self.maximumRounds) rounds (please report this)"
            )
        }
        return OptimizationResult(
            original: file, output: current.source.bytes, findings: firstFindings ?? [], applied: applied,
            internalErrors: internalErrors, unsafeFixes: configuration.unsafeFixes)
    }

    /// The parsed file when `bytes` parses without error and prints back to itself.
    static func validated(_ bytes: [UInt8]) -> Dockerfile? {
        guard let file = try? Dockerfile.parse(bytes), file.error == nil, file.printed() == bytes else {
            return nil
        }
        return file
    }
}

/// What the optimizer did to one file.
public struct OptimizationResult: Sendable {
    public let original: Dockerfile
    /// The rewritten file (equal to the original when nothing applied).
    public let output: [UInt8]
    /// The findings on the original file.
    public let findings: [Finding]
    /// Every finding whose fix was applied, over all rounds.
    public let applied: [Finding]
    public let internalErrors: [String]
    let unsafeFixes: Bool

    public var changed: Bool { output != original.source.bytes }

    /// Findings of the original file with a fix that would be applied.
    public var fixable: [Finding] {
        findings.filter { $0.fix?.safety.isApplied(unsafeFixes: unsafeFixes) == true }
    }

    /// Unsafe fixes not applied because `--unsafe-fixes` is off.
    public var hiddenUnsafeFixes: Int {
        unsafeFixes ? 0 : findings.filter { $0.fix?.safety == .unsafe }.count
    }
}
