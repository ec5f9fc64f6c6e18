import WhittleShell

/// Parses a single-segment script.
func parse(_ text: String) -> ShellScript {
    parseShell(ShellSource(text))
}

/// The literals of a command's words (raw text for dynamic words).
func wordTexts(_ command: SimpleCommand) -> [String] {
    command.words.map { $0.literal ?? $0.raw }
}

/// The single word of `echo WORD` (the second word of the first command).
func firstArgument(_ text: String) -> Word? {
    parse(text).commands.first?.args.first
}

/// The first command's package-manager model.
func packageCommand(_ text: String) -> PackageManagerCommand? {
    parse(text).packageManagerCommands.first
}

/// Checks that every range in the script is inside the text and maps to a valid source range.
func allRanges(_ script: ShellScript) -> [Range<Int>] {
    var ranges: [Range<Int>] = script.comments
    func visit(_ list: CommandList) {
        ranges.append(list.range)
        for item in list.items {
            ranges.append(item.range)
            ranges.append(item.andOr.range)
            for pipeline in item.andOr.pipelines {
                ranges.append(pipeline.range)
                for command in pipeline.commands { visit(command) }
            }
        }
    }
    func visit(_ word: Word) {
        ranges.append(word.range)
        for expansion in word.expansions {
            ranges.append(expansion.range)
            if let body = expansion.body { visit(body) }
        }
    }
    func visit(_ redirection: Redirection) {
        ranges.append(redirection.range)
        ranges.append(redirection.operatorRange)
        visit(redirection.target)
        if let heredoc = redirection.heredoc {
            ranges.append(heredoc.body)
            if let line = heredoc.delimiterLine { ranges.append(line) }
        }
    }
    func visit(_ compound: CompoundCommand) {
        ranges.append(compound.range)
        compound.redirections.forEach(visit)
        switch compound.kind {
        case .subshell(let list), .braceGroup(let list): visit(list)
        case .ifClause(let branches, let elseBody):
            for branch in branches {
                visit(branch.condition)
                visit(branch.body)
            }
            if let elseBody { visit(elseBody) }
        case .whileLoop(let branch), .untilLoop(let branch):
            visit(branch.condition)
            visit(branch.body)
        case .forLoop(let loop):
            loop.items?.forEach(visit)
            visit(loop.body)
        case .caseClause(let clause):
            visit(clause.subject)
            for item in clause.items {
                ranges.append(item.range)
                item.patterns.forEach(visit)
                visit(item.body)
            }
        }
    }
    func visit(_ command: Command) {
        switch command {
        case .simple(let simple):
            ranges.append(simple.range)
            for assignment in simple.assignments {
                ranges.append(assignment.range)
                ranges.append(assignment.nameRange)
                visit(assignment.value)
            }
            simple.words.forEach(visit)
            simple.redirections.forEach(visit)
        case .compound(let compound): visit(compound)
        case .function(let definition):
            ranges.append(definition.range)
            ranges.append(definition.nameRange)
            visit(definition.body)
        }
    }
    visit(script.body)
    return ranges
}
