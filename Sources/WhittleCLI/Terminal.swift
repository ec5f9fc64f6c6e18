/// ANSI colours for text output, used only on a terminal and never when NO_COLOR is set.
struct Terminal {
    let colors: Bool

    init(io: ProcessIO, override: Bool?) {
        if let override {
            colors = override
        } else {
            colors =
                io.isTerminal && (io.environment["NO_COLOR"] ?? "").isEmpty
                && io.environment["TERM"] != "dumb"
        }
    }

    private func wrap(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func blue(_ s: String) -> String { wrap(s, "34") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func dim(_ s: String) -> String { wrap(s, "2") }
}
