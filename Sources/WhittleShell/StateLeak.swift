/// Shell state a command leaves behind for the commands after it. It matters when two RUNs are
/// merged: a `cd` in the first would change where the second runs.
///
/// Only commands that run in the script's own shell leak (`CommandContext.runsInCurrentShell`:
/// not in a subshell, substitution, multi-command pipeline, background list or function body).
/// Leaks inside `if`, loops, `case`, brace groups or after `||` are reported with
/// `isConditional == true`.
public struct StateLeak: Sendable, Equatable {
    /// What leaks.
    public enum Kind: String, Sendable, Equatable {
        /// `cd`, `pushd`, `popd`.
        case changeDirectory = "cd"
        /// `export`.
        case export
        /// `unset`.
        case unset
        /// `declare`, `typeset`, `readonly`, `local`.
        case declare
        /// `NAME=value` alone, `read NAME`, `let`.
        case assignment
        /// `set` with arguments (`set -eux`, `set -o pipefail`, `set -- a b`).
        case shellOption = "set"
        /// `shopt`.
        case shopt
        /// `umask MASK`.
        case umask
        /// `ulimit` with arguments.
        case ulimit
        /// `source FILE`, `. FILE`.
        case source
        /// `alias`, `unalias`.
        case alias
        /// `trap`.
        case trap
        /// `eval`: anything can leak.
        case eval
        /// `exec`: replaces the shell (with a command) or changes its descriptors (without).
        case exec
        /// `exit`: later commands never run.
        case exit
        /// A function definition.
        case functionDefinition = "function"
        /// An and-or list run in the background with `&`.
        case background = "&"
    }

    /// What leaks.
    public let kind: Kind
    /// Logical range of the command, definition or background list.
    public let range: Range<Int>
    /// Whether the leak happens only on some paths.
    public let isConditional: Bool
    /// Index of the simple command in `ShellScript.commands`, when the leak is one.
    public let commandIndex: Int?
}

extension ShellScript {
    /// Every state leak, in source order.
    public var leakingState: [StateLeak] {
        var leaks: [StateLeak] = []
        for command in commands where command.context.runsInCurrentShell {
            guard let kind = StateLeakModel.kind(of: command) else { continue }
            leaks.append(
                StateLeak(
                    kind: kind, range: command.range, isConditional: !command.isUnconditional,
                    commandIndex: command.index))
        }
        for function in functionDefinitions where function.context.runsInCurrentShell {
            leaks.append(
                StateLeak(
                    kind: .functionDefinition, range: function.definition.range,
                    isConditional: !function.context.isUnconditional, commandIndex: nil))
        }
        for list in backgroundLists where list.context.runsInCurrentShell {
            leaks.append(
                StateLeak(
                    kind: .background, range: list.range, isConditional: !list.context.isUnconditional,
                    commandIndex: nil))
        }
        return leaks.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether `exit` or `exec` runs in the script's own shell (even conditionally). After it,
    /// appended commands may never run, or run with other descriptors.
    public var hasTopLevelExitOrExec: Bool {
        leakingState.contains { $0.kind == .exit || $0.kind == .exec }
    }
}

enum StateLeakModel {
    static func kind(of command: SimpleCommand) -> StateLeak.Kind? {
        if command.isBareAssignment { return .assignment }
        var words = command.words[...]
        // `command cd` and `builtin cd` still run the builtin.
        while let first = words.first?.literal, first == "command" || first == "builtin", words.count > 1 {
            words = words.dropFirst()
        }
        guard let name = words.first?.literal else { return nil }
        let hasArgs = words.count > 1
        switch name {
        case "cd", "pushd", "popd": return .changeDirectory
        case "export": return .export
        case "unset": return .unset
        case "declare", "typeset", "readonly", "local": return .declare
        case "read", "let", "getopts", "mapfile", "readarray", "printf":
            if name == "printf" { return words.contains { $0.literal == "-v" } ? .assignment : nil }
            return .assignment
        case "set": return hasArgs ? .shellOption : nil
        case "shopt": return hasArgs ? .shopt : nil
        case "umask": return hasArgs ? .umask : nil
        case "ulimit": return hasArgs ? .ulimit : nil
        case "source", ".": return .source
        case "alias", "unalias": return hasArgs ? .alias : nil
        case "trap": return hasArgs ? .trap : nil
        case "eval": return .eval
        case "exec": return .exec
        case "exit": return .exit
        default: return nil
        }
    }
}
