import WhittleEngine
import WhittlePasses

/// `whittle rules` and `whittle explain ID`.
enum RulesCommand {
    static func list(io: ProcessIO) -> Int32 {
        let width = PassCatalog.all.map { $0.id.count }.max() ?? 10
        for pass in PassCatalog.all {
            io.out(
                pass.id.padding(width) + "  " + pass.fixSafety.rawValue.padding(10) + "  " + pass.summary
                    + "\n")
        }
        return ExitCode.success
    }

    static func explain(arguments: [String], io: ProcessIO) throws -> Int32 {
        guard arguments.count == 1 else {
            throw UsageError(
                "explain takes one pass id", usage: "whittle explain ID",
                hint: "Run 'whittle rules' to list the passes.")
        }
        guard let pass = PassCatalog.pass(id: arguments[0]) else {
            throw UsageError(
                "unknown pass id '\(arguments[0])'", usage: "whittle explain ID",
                hint: "Run 'whittle rules' to list the passes.")
        }
        io.out(PassDocumentation.markdown(pass))
        return ExitCode.success
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
