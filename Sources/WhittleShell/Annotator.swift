/// Walks a parsed tree once, in source order, and fills in what only the whole script tells:
/// each simple command's index and `CommandContext`, and here-document bodies. It also collects
/// the flat command list and the current-shell function definitions and background lists.
struct Annotator {
    let heredocs: [Int: Heredoc]
    var commands: [SimpleCommand] = []
    /// Function definitions with the context they were defined in.
    var functions: [(definition: FunctionDefinition, context: CommandContext)] = []
    /// And-or lists terminated by `&`, with the context of the list that holds them.
    var backgroundLists: [(range: Range<Int>, context: CommandContext)] = []

    init(heredocs: [Int: Heredoc]) {
        self.heredocs = heredocs
    }

    mutating func list(_ list: CommandList, _ context: CommandContext, first: Connector?) -> CommandList {
        var out = list
        for i in out.items.indices {
            var inner = context
            inner.listIndex = i
            let item = out.items[i]
            if item.terminator == .background {
                backgroundLists.append((item.range, context))
                inner.isBackground = true
                inner.isUnconditional = false
            }
            let before = i == 0 ? first : out.items[i - 1].terminator
            out.items[i].andOr = andOr(item.andOr, inner, before: before)
        }
        return out
    }

    mutating func andOr(_ list: AndOrList, _ context: CommandContext, before: Connector?) -> AndOrList {
        var out = list
        var reached = context.isUnconditional
        for j in out.pipelines.indices {
            if j > 0 && list.connectors[j - 1] == .or { reached = false }
            var inner = context
            inner.andOrIndex = j
            inner.isUnconditional = reached
            out.pipelines[j] = pipeline(
                out.pipelines[j], inner, before: j == 0 ? before : list.connectors[j - 1])
        }
        return out
    }

    mutating func pipeline(_ pipeline: Pipeline, _ context: CommandContext, before: Connector?) -> Pipeline {
        var out = pipeline
        let count = out.commands.count
        for k in out.commands.indices {
            var inner = context
            inner.pipelineIndex = k
            inner.pipelineLength = count
            if count > 1 { inner.inPipeline = true }
            out.commands[k] = command(
                out.commands[k], inner, before: k == 0 ? before : pipeline.connectors[k - 1])
        }
        return out
    }

    mutating func command(_ command: Command, _ context: CommandContext, before: Connector?) -> Command {
        switch command {
        case .simple(let simple):
            return .simple(self.simple(simple, context, before: before))
        case .compound(let compound):
            return .compound(self.compound(compound, context, before: before))
        case .function(let definition):
            functions.append((definition, context))
            var inner = context
            inner.inFunction = true
            inner.isUnconditional = false
            inner.isTopLevel = false
            var out = definition
            out.body = compound(definition.body, inner, before: nil)
            return .function(out)
        }
    }

    /// The context of commands inside a substitution held by the command at `parent`.
    func substitutionContext(_ context: CommandContext, parent: Int?) -> CommandContext {
        var inner = context
        inner.inSubstitution = true
        inner.isTopLevel = false
        inner.isUnconditional = false
        inner.depth += 1
        inner.parentCommand = parent
        inner.assignmentTarget = nil
        inner.connectorBefore = nil
        return inner
    }

    mutating func simple(_ command: SimpleCommand, _ context: CommandContext, before: Connector?)
        -> SimpleCommand
    {
        var out = command
        out.context = context
        out.context.connectorBefore = before
        let index = commands.count
        out.index = index
        commands.append(out)
        let needsWalk =
            out.words.contains(where: hasBody) || out.assignments.contains { hasBody($0.value) }
            || out.redirections.contains { $0.heredoc != nil || hasBody($0.target) }
        guard needsWalk else { return out }
        let inner = substitutionContext(context, parent: index)
        // Visit the parts in source order so nested commands are numbered in source order.
        enum Part {
            case assignment(Int)
            case word(Int)
            case redirection(Int)
        }
        var parts: [(Int, Part)] = []
        for (i, a) in out.assignments.enumerated() { parts.append((a.range.lowerBound, .assignment(i))) }
        for (i, w) in out.words.enumerated() { parts.append((w.range.lowerBound, .word(i))) }
        for (i, r) in out.redirections.enumerated() { parts.append((r.range.lowerBound, .redirection(i))) }
        if !out.redirections.isEmpty { parts.sort { $0.0 < $1.0 } }
        for (_, part) in parts {
            switch part {
            case .assignment(let i):
                var assignmentContext = inner
                assignmentContext.assignmentTarget = out.assignments[i].name
                out.assignments[i].value = word(out.assignments[i].value, assignmentContext)
            case .word(let i):
                out.words[i] = word(out.words[i], inner)
            case .redirection(let i):
                out.redirections[i] = redirection(out.redirections[i], inner)
            }
        }
        commands[index] = out
        return out
    }

    func hasBody(_ word: Word) -> Bool { word.expansions.contains { $0.body != nil } }

    mutating func word(_ word: Word, _ context: CommandContext) -> Word {
        guard hasBody(word) else { return word }
        var out = word
        for i in out.expansions.indices {
            if let body = out.expansions[i].body {
                out.expansions[i].body = list(body, context, first: nil)
            }
        }
        return out
    }

    mutating func redirection(_ redirection: Redirection, _ context: CommandContext) -> Redirection {
        var out = redirection
        out = Redirection(
            range: out.range, fileDescriptor: out.fileDescriptor, op: out.op,
            operatorRange: out.operatorRange,
            target: word(out.target, context), heredoc: out.heredoc)
        if var heredoc = out.heredoc, let read = heredocs[out.operatorRange.lowerBound] {
            heredoc.body = read.body
            heredoc.delimiterLine = read.delimiterLine
            out.heredoc = heredoc
        }
        return out
    }

    mutating func compound(_ command: CompoundCommand, _ context: CommandContext, before: Connector?)
        -> CompoundCommand
    {
        var out = command
        var inner = context
        inner.isTopLevel = false
        inner.depth += 1
        inner.connectorBefore = nil
        var conditional = inner
        conditional.isUnconditional = false
        conditional.inConditionalCompound = true
        let wordContext = substitutionContext(conditional, parent: nil)
        switch command.kind {
        case .subshell(let body):
            inner.inSubshell = true
            out.kind = .subshell(list(body, inner, first: nil))
        case .braceGroup(let body):
            out.kind = .braceGroup(list(body, inner, first: nil))
        case .ifClause(let branches, let elseBody):
            let mapped = branches.map { branch(in: $0, conditional) }
            out.kind = .ifClause(
                branches: mapped, elseBody: elseBody.map { list($0, conditional, first: nil) })
        case .whileLoop(let loop):
            out.kind = .whileLoop(branch(in: loop, conditional))
        case .untilLoop(let loop):
            out.kind = .untilLoop(branch(in: loop, conditional))
        case .forLoop(let loop):
            var mapped = loop
            mapped.items = loop.items.map { $0.map { word($0, wordContext) } }
            mapped.body = list(loop.body, conditional, first: nil)
            out.kind = .forLoop(mapped)
        case .caseClause(let clause):
            var mapped = clause
            mapped.subject = word(clause.subject, wordContext)
            for i in mapped.items.indices {
                mapped.items[i].patterns = mapped.items[i].patterns.map { word($0, wordContext) }
                mapped.items[i].body = list(mapped.items[i].body, conditional, first: nil)
            }
            out.kind = .caseClause(mapped)
        }
        let redirectionContext = substitutionContext(context, parent: nil)
        out.redirections = out.redirections.map { redirection($0, redirectionContext) }
        return out
    }

    private mutating func branch(in branch: ConditionalBranch, _ context: CommandContext) -> ConditionalBranch
    {
        let condition = list(branch.condition, context, first: nil)
        let body = list(branch.body, context, first: nil)
        return ConditionalBranch(condition: condition, body: body)
    }
}
