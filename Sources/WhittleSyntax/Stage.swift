/// A build stage: a FROM and the instructions up to the next FROM.
public struct Stage: Sendable {
    /// 0-based position among the stages (what `COPY --from=0` refers to).
    public let index: Int
    public let from: Instruction
    /// The stage's instructions, its FROM first.
    public let instructions: [Instruction]

    /// The base image as written (may hold `${VAR}`).
    public var baseImage: String { from.value.first ?? "" }

    /// The name given with `AS name`, if any (as written).
    public var alias: String? {
        let v = from.value
        guard v.count >= 3, v[1].lowercased() == "as" else { return nil }
        return v[2]
    }

    /// The `--platform` flag's value, if any.
    public var platform: String? { from.flag("platform")?.value }

    /// The source range from the FROM to the end of the stage's last instruction.
    public var range: Range<Int> {
        from.range.lowerBound..<(instructions.last?.range.upperBound ?? from.range.upperBound)
    }

    /// Whether `name` (a stage alias or index, as used by `--from=` or FROM) names this stage.
    /// Aliases compare case-insensitively, as in BuildKit.
    public func isNamed(_ name: String) -> Bool {
        if let alias, alias.lowercased() == name.lowercased() { return true }
        return name == String(index)
    }
}

extension Dockerfile {
    /// ARG instructions before the first FROM: the only variables FROM can use.
    public var globalArguments: [Instruction] {
        var out: [Instruction] = []
        for i in instructions {
            if i.kind == .from { break }
            if i.kind == .arg { out.append(i) }
        }
        return out
    }

}

extension Stage {
    /// Splits instructions into stages: each FROM starts one.
    static func split(_ instructions: [Instruction]) -> [Stage] {
        var stages: [Stage] = []
        var current: [Instruction] = []
        for i in instructions {
            if i.kind == .from {
                if let first = current.first, first.kind == .from {
                    stages.append(Stage(index: stages.count, from: first, instructions: current))
                }
                current = [i]
            } else if !current.isEmpty {
                current.append(i)
            }
        }
        if let first = current.first, first.kind == .from {
            stages.append(Stage(index: stages.count, from: first, instructions: current))
        }
        return stages
    }
}

extension Dockerfile {
    /// The defaults of the global ARGs (a later declaration wins).
    static func globalArgumentDefaults(_ instructions: [Instruction], escape: UInt8) -> [String: String] {
        var defaults: [String: String] = [:]
        for arg in instructions {
            if arg.kind == .from { break }
            guard arg.kind == .arg else { continue }
            for pair in BuildKitArguments.nameOrNameValue(arg.text.bytes, arg.argumentsRange, escape: escape)
                .1
            {
                if let v = pair.value(escape: escape) { defaults[pair.key] = v }
            }
        }
        return defaults
    }

    /// A stage's base image with global ARG defaults substituted; `unresolved` names any variable
    /// without a default (the caller should then leave the FROM alone).
    public func resolvedBaseImage(of stage: Stage) -> VariableExpander.Expansion {
        let defaults = globalArgumentDefaults
        return VariableExpander(escape: escape).expand(stage.baseImage) { defaults[$0] }
    }

    /// The stage another stage builds on, when its FROM names an earlier stage.
    public func parentStage(of stage: Stage) -> Stage? {
        guard stage.index < parentStageIndexes.count, let parent = parentStageIndexes[stage.index] else {
            return nil
        }
        return stages[parent]
    }

    /// Indexes of the stages whose filesystem ends up in the final image: the last stage and the
    /// stages it builds on through `FROM <stage>`.
    public var finalImageStages: Set<Int> {
        guard var stage = stages.last else { return [] }
        var out: Set<Int> = [stage.index]
        while let parent = parentStage(of: stage), !out.contains(parent.index) {
            out.insert(parent.index)
            stage = parent
        }
        return out
    }

    /// The stage holding the byte at `offset`.
    public func stage(containing offset: Int) -> Stage? {
        stages.last { $0.from.range.lowerBound <= offset }
    }

    /// The ARG/ENV pairs of an instruction (ARG, ENV or LABEL), with their logical ranges.
    public func keyValues(of instruction: Instruction) -> [KeyValue] {
        switch instruction.kind {
        case .arg:
            return BuildKitArguments.nameOrNameValue(
                instruction.text.bytes, instruction.argumentsRange, escape: escape
            ).1
        case .env, .label:
            return
                (try? BuildKitArguments.nameValue(
                    instruction.text.bytes, instruction.argumentsRange, keyword: "ENV", escape: escape
                ).1) ?? []
        default:
            return []
        }
    }
}
