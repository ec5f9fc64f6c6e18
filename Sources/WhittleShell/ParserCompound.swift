/// Compound commands and function definitions.
extension ShellParser {
    /// The compound command at `pos` (`(`, `{`, `if`, `for`, `while`, `until`, `case`) with its
    /// trailing redirections.
    mutating func parseCompoundCommand() throws(ParseFailure) -> CompoundCommand {
        let start = pos
        let kind: CompoundKind
        if b[pos] == Byte.openParen {
            if byte(at: pos + 1) == Byte.openParen {
                throw ParseFailure(reason: .unsupported(.arithmeticCommand, at: pos))
            }
            pos += 1
            let body = try parseCompoundList()
            try expectCloseParen(keyword: "(", start: start)
            kind = .subshell(body)
        } else {
            switch peekReserved() {
            case .openBrace:
                pos += 1
                let body = try parseCompoundList()
                try expectReserved(.closeBrace, keyword: "{", start: start)
                kind = .braceGroup(body)
            case .ifWord:
                kind = try parseIf(start: start)
            case .forWord:
                kind = .forLoop(try parseFor(start: start))
            case .whileWord:
                kind = .whileLoop(try parseLoop(keyword: .whileWord, start: start))
            case .untilWord:
                kind = .untilLoop(try parseLoop(keyword: .untilWord, start: start))
            case .caseWord:
                kind = .caseClause(try parseCase(start: start))
            default:
                throw unexpected(at: pos)
            }
        }
        let closeEnd = pos
        let redirections = try parseTrailingRedirections()
        return CompoundCommand(
            range: start..<(redirections.last?.range.upperBound ?? closeEnd), kind: kind,
            redirections: redirections)
    }

    /// Consumes the reserved word `word`, or fails: unterminated at the end of input, unexpected
    /// token otherwise.
    mutating func expectReserved(_ word: ReservedWord, keyword: String, start: Int) throws(ParseFailure) {
        skipLinebreaks()
        guard pos < end else {
            throw ParseFailure(reason: .unterminatedCompound(keyword: keyword, at: start))
        }
        guard peekReserved() == word else { throw unexpected(at: pos) }
        pos += word.length
    }

    mutating func expectCloseParen(keyword: String, start: Int) throws(ParseFailure) {
        skipLinebreaks()
        guard pos < end else {
            throw ParseFailure(reason: .unterminatedCompound(keyword: keyword, at: start))
        }
        guard b[pos] == Byte.closeParen else { throw unexpected(at: pos) }
        pos += 1
    }

    /// `if list; then list; [elif list; then list;]... [else list;] fi`.
    mutating func parseIf(start: Int) throws(ParseFailure) -> CompoundKind {
        pos += ReservedWord.ifWord.length
        var branches: [ConditionalBranch] = []
        var elseBody: CommandList? = nil
        while true {
            let condition = try parseCompoundList()
            try expectReserved(.thenWord, keyword: "if", start: start)
            let body = try parseCompoundList()
            branches.append(ConditionalBranch(condition: condition, body: body))
            skipLinebreaks()
            if peekReserved() == .elifWord {
                pos += ReservedWord.elifWord.length
                continue
            }
            if peekReserved() == .elseWord {
                pos += ReservedWord.elseWord.length
                elseBody = try parseCompoundList()
            }
            break
        }
        try expectReserved(.fiWord, keyword: "if", start: start)
        return .ifClause(branches: branches, elseBody: elseBody)
    }

    /// `while list; do list; done` and `until list; do list; done`.
    mutating func parseLoop(keyword: ReservedWord, start: Int) throws(ParseFailure) -> ConditionalBranch {
        pos += keyword.length
        let condition = try parseCompoundList()
        try expectReserved(.doWord, keyword: keyword.rawValue, start: start)
        let body = try parseCompoundList()
        try expectReserved(.doneWord, keyword: keyword.rawValue, start: start)
        return ConditionalBranch(condition: condition, body: body)
    }

    /// `for name [in word...]; do list; done`.
    mutating func parseFor(start: Int) throws(ParseFailure) -> ForLoop {
        pos += ReservedWord.forWord.length
        skipBlanks()
        if at("((") { throw ParseFailure(reason: .unsupported(.arithmeticFor, at: start)) }
        guard pos < end, Byte.isNameStart(b[pos]) else {
            if pos >= end { throw ParseFailure(reason: .unterminatedCompound(keyword: "for", at: start)) }
            throw unexpected(at: pos)
        }
        let nameStart = pos
        while pos < end && Byte.isNameChar(b[pos]) { pos += 1 }
        if pos < end && !Byte.isMeta(b[pos]) { throw unexpected(at: nameStart) }
        let variable = String(decoding: b[nameStart..<pos], as: UTF8.self)
        skipBlanks()
        if pos < end && b[pos] == Byte.semicolon && byte(at: pos + 1) != Byte.semicolon { pos += 1 }
        skipLinebreaks()
        var items: [Word]? = nil
        if peekReserved() == .inWord {
            pos += ReservedWord.inWord.length
            var words: [Word] = []
            scan: while true {
                skipBlanks()
                guard pos < end else {
                    throw ParseFailure(reason: .unterminatedCompound(keyword: "for", at: start))
                }
                switch b[pos] {
                case Byte.semicolon:
                    pos += 1
                    break scan
                case Byte.newline:
                    consumeNewline()
                    break scan
                case Byte.hash:
                    skipComment()
                default:
                    let word = try scanWord()
                    guard !word.range.isEmpty else { throw unexpected(at: pos) }
                    words.append(word)
                }
            }
            items = words
        }
        try expectReserved(.doWord, keyword: "for", start: start)
        let body = try parseCompoundList()
        try expectReserved(.doneWord, keyword: "for", start: start)
        return ForLoop(variable: variable, items: items, body: body)
    }

    /// `case word in [(]pattern[|pattern]...) list ;; ... esac`.
    mutating func parseCase(start: Int) throws(ParseFailure) -> CaseClause {
        pos += ReservedWord.caseWord.length
        skipBlanks()
        guard pos < end else { throw ParseFailure(reason: .unterminatedCompound(keyword: "case", at: start)) }
        let subject = try scanWord()
        guard !subject.range.isEmpty else { throw unexpected(at: pos) }
        skipLinebreaks()
        guard pos < end else { throw ParseFailure(reason: .unterminatedCompound(keyword: "case", at: start)) }
        guard peekReserved() == .inWord else { throw unexpected(at: pos) }
        pos += ReservedWord.inWord.length
        var items: [CaseItem] = []
        while true {
            skipLinebreaks()
            guard pos < end else {
                throw ParseFailure(reason: .unterminatedCompound(keyword: "case", at: start))
            }
            if peekReserved() == .esacWord {
                pos += ReservedWord.esacWord.length
                break
            }
            let itemStart = pos
            if b[pos] == Byte.openParen { pos += 1 }
            var patterns: [Word] = []
            while true {
                skipBlanks()
                let word = try scanWord()
                guard !word.range.isEmpty else { throw unexpected(at: pos) }
                patterns.append(word)
                skipBlanks()
                if pos < end && b[pos] == Byte.pipe {
                    pos += 1
                    continue
                }
                break
            }
            try expectCloseParen(keyword: "case", start: start)
            let body = try parseCompoundList()
            skipLinebreaks()
            let terminator: CaseItem.Terminator
            if at(";;&") {
                terminator = .continueMatching
            } else if at(";;") {
                terminator = .break
            } else if at(";&") {
                terminator = .fallThrough
            } else if pos < end && peekReserved() == .esacWord {
                terminator = .none
            } else if pos >= end {
                throw ParseFailure(reason: .unterminatedCompound(keyword: "case", at: start))
            } else {
                throw unexpected(at: pos)
            }
            pos += terminator.rawValue.utf8.count
            let itemEnd = terminator == .none ? max(body.range.upperBound, itemStart) : pos
            items.append(
                CaseItem(range: itemStart..<itemEnd, patterns: patterns, body: body, terminator: terminator))
        }
        return CaseClause(subject: subject, items: items)
    }

    /// `name ( ) body`, with `pos` at `(`.
    mutating func parseFunctionAfterName(name: String, nameWord: Word) throws(ParseFailure)
        -> FunctionDefinition
    {
        pos += 1
        skipBlanks()
        guard pos < end, b[pos] == Byte.closeParen else { throw unexpected(at: pos) }
        pos += 1
        let body = try parseFunctionBody(start: nameWord.range.lowerBound)
        return FunctionDefinition(
            range: nameWord.range.lowerBound..<body.range.upperBound, name: name, nameRange: nameWord.range,
            body: body)
    }

    /// bash `function name [()] body`, with `pos` at `function`.
    mutating func parseFunctionKeyword() throws(ParseFailure) -> FunctionDefinition {
        let start = pos
        pos += ReservedWord.function.length
        skipBlanks()
        guard pos < end else {
            throw ParseFailure(reason: .unterminatedCompound(keyword: "function", at: start))
        }
        let nameWord = try scanWord()
        guard !nameWord.range.isEmpty, let name = nameWord.literal else {
            throw unexpected(at: nameWord.range.lowerBound)
        }
        skipBlanks()
        if pos < end && b[pos] == Byte.openParen && byte(at: pos + 1) != Byte.openParen {
            pos += 1
            skipBlanks()
            guard pos < end, b[pos] == Byte.closeParen else { throw unexpected(at: pos) }
            pos += 1
        }
        let body = try parseFunctionBody(start: start)
        return FunctionDefinition(
            range: start..<body.range.upperBound, name: name, nameRange: nameWord.range, body: body)
    }

    /// The compound command that forms a function body.
    mutating func parseFunctionBody(start: Int) throws(ParseFailure) -> CompoundCommand {
        skipLinebreaks()
        guard pos < end else {
            throw ParseFailure(reason: .unterminatedCompound(keyword: "function", at: start))
        }
        if b[pos] == Byte.openParen { return try parseCompoundCommand() }
        switch peekReserved() {
        case .openBrace, .ifWord, .forWord, .whileWord, .untilWord, .caseWord:
            return try parseCompoundCommand()
        default:
            throw unexpected(at: pos)
        }
    }
}
