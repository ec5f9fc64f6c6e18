import WhittleEngine

/// The closing summary of `whittle fix`: files changed, estimated savings per pass, files skipped.
enum FixSummary {
    static func print(_ reports: [FileReport], io: ProcessIO, terminal: Terminal) {
        let written = reports.filter(\.written)
        let failed = reports.filter { $0.problem != nil || $0.writeError != nil }
        var perPass: [String: (fixes: Int, layers: Int, bytes: Int)] = [:]
        for report in written {
            for finding in report.result?.applied ?? [] {
                var entry = perPass[finding.passID] ?? (0, 0, 0)
                entry.fixes += 1
                entry.layers += finding.effect?.layersRemoved ?? 0
                entry.bytes += finding.effect?.bytesSaved ?? 0
                perPass[finding.passID] = entry
            }
        }
        guard !reports.isEmpty else { return }
        var text =
            "whittle: \(written.count) of \(reports.count) file\(reports.count == 1 ? "" : "s") changed"
        if !failed.isEmpty { text += ", \(failed.count) skipped" }
        io.err(text + ".\n")
        for (id, entry) in perPass.sorted(by: { $0.key < $1.key }) {
            var line = "  \(id): \(entry.fixes) fix\(entry.fixes == 1 ? "" : "es")"
            if entry.layers > 0 { line += ", \(entry.layers) layer\(entry.layers == 1 ? "" : "s") fewer" }
            if entry.bytes > 0 { line += ", ~\(Effect.megabytes(entry.bytes)) smaller" }
            io.err(line + "\n")
        }
        for report in failed {
            let why =
                report.problem.map { "\($0.error.line):\($0.error.column): \($0.error.message)" } ?? report
                .writeError ?? ""
            io.err("  skipped \(report.path): \(why)\n")
        }
        let hidden = reports.compactMap(\.result).reduce(0) { $0 + $1.hiddenUnsafeFixes }
        if hidden > 0 {
            io.err("  \(hidden) unsafe fix\(hidden == 1 ? "" : "es") not applied, use --unsafe-fixes.\n")
        }
    }
}
