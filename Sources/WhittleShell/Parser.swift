/// Lists, pipelines, simple commands and redirections.
extension ShellParser {
    /// The whole text: a list that must reach the end of input.
    mutating func parseProgram() throws(ParseFailure) -> CommandList {
        let list = try parseCompoundList()
        skipLinebreaks()
        if pos < end { throw unexpected(at: pos) }
        finishPendingHeredocs()
        return list
    }

    /// Whether the list parser must stop here: `)`, `;;`, `;&`, or a closing reserved word.
    func atListStop() -> Bool {
        let c = b[pos]
        if c == Byte.closeParen { return true }
        if c == Byte.semicolon, let next = byte(at: pos + 1), next == Byte.semicolon || next == Byte.ampersand
        {
            return true
        }
        return peekReserved()?.closesList ?? false
    }

    /// A list of and-or lists separated by `;`, `&` or newlines. Stops (without consuming) at the
    /// end of input, at `)`, `;;`, `;&` or a closing reserved word; the caller checks which.
    mutating func parseCompoundList() throws(ParseFailure) -> CommandList {
        try enter(at: pos)
        defer { leave() }
        var items: [ListItem] = []
        skipLinebreaks()
        let start = pos
        while true {
            skipLinebreaks()
            if pos >= end || atListStop() { break }
            let andOr = try parseAndOr()
            skipBlanks()
            if pos < end && b[pos] == Byte.hash { skipComment() }
            var terminator: Connector? = nil
            var terminatorRange: Range<Int>? = nil
            if pos < end {
                let c = b[pos]
                let next = byte(at: pos + 1)
                if c == Byte.semicolon && next != Byte.semicolon && next != Byte.ampersand {
                    terminator = .semicolon
                    terminatorRange = pos..<(pos + 1)
                    pos += 1
                } else if c == Byte.ampersand && next != Byte.ampersand && next != Byte.greater {
                    terminator = .background
                    terminatorRange = pos..<(pos + 1)
                    pos += 1
                } else if c == Byte.newline {
                    terminator = .newline
                    terminatorRange = pos..<(pos + 1)
                    consumeNewline()
                }
            }
            items.append(ListItem(andOr: andOr, terminator: terminator, terminatorRange: terminatorRange))
            if terminator == nil { break }
        }
        guard let first = items.first, let last = items.last else {
            return CommandList(range: start..<start, items: [])
        }
        return CommandList(range: first.range.lowerBound..<last.range.upperBound, items: items)
    }

    /// Pipelines joined by `&&` and `||` (a newline may follow the operator).
    mutating func parseAndOr() throws(ParseFailure) -> AndOrList {
        let start = pos
        var pipelines = [try parsePipeline()]
        var connectors: [Connector] = []
        while true {
            skipBlanks()
            if at("&&") {
                connectors.append(.and)
            } else if at("||") {
                connectors.append(.or)
            } else {
                break
            }
            pos += 2
            skipLinebreaks()
            pipelines.append(try parsePipeline())
        }
        return AndOrList(
            range: start..<pipelines[pipelines.count - 1].range.upperBound, pipelines: pipelines,
            connectors: connectors)
    }

    /// `[!] command [| command]...`.
    mutating func parsePipeline() throws(ParseFailure) -> Pipeline {
        skipBlanks()
        let start = pos
        var negated = false
        if peekReserved() == .bang {
            negated = true
            pos += 1
            skipBlanks()
        }
        var commands = [try parseCommand()]
        var connectors: [Connector] = []
        while true {
            skipBlanks()
            guard pos < end, b[pos] == Byte.pipe, byte(at: pos + 1) != Byte.pipe else { break }
            if byte(at: pos + 1) == Byte.ampersand {
                connectors.append(.pipeWithError)
                pos += 2
            } else {
                connectors.append(.pipe)
                pos += 1
            }
            skipLinebreaks()
            commands.append(try parseCommand())
        }
        return Pipeline(
            range: start..<commands[commands.count - 1].range.upperBound, isNegated: negated,
            commands: commands, connectors: connectors)
    }

    /// A simple command, a compound command or a function definition.
    mutating func parseCommand() throws(ParseFailure) -> Command {
        skipBlanks()
        guard pos < end else { throw unexpected(at: pos) }
        if b[pos] == Byte.openParen {
            return .compound(try parseCompoundCommand())
        }
        if let reserved = peekReserved() {
            switch reserved {
            case .ifWord, .forWord, .whileWord, .untilWord, .caseWord, .openBrace:
                return .compound(try parseCompoundCommand())
            case .function:
                return .function(try parseFunctionKeyword())
            case .select:
                throw ParseFailure(reason: .unsupported(.select, at: pos))
            case .coproc:
                throw ParseFailure(reason: .unsupported(.coproc, at: pos))
            case .thenWord, .elseWord, .elifWord, .fiWord, .doWord, .doneWord, .esacWord, .closeBrace,
                .inWord:
                throw unexpected(at: pos)
            case .bang:
                break
            }
        }
        return try parseSimpleCommand()
    }

    /// Assignments, words and redirections up to a control operator; also `name() body`.
    mutating func parseSimpleCommand() throws(ParseFailure) -> Command {
        let start = pos
        var assignments: [Assignment] = []
        var words: [Word] = []
        var redirections: [Redirection] = []
        var lastEnd = pos
        loop: while true {
            skipBlanks()
            guard pos < end else { break }
            let c = b[pos]
            switch c {
            case Byte.newline, Byte.semicolon, Byte.pipe, Byte.closeParen, Byte.hash:
                break loop
            case Byte.ampersand:
                guard byte(at: pos + 1) == Byte.greater else { break loop }
                redirections.append(try parseRedirection())
            case Byte.openParen:
                if words.count == 1 && assignments.isEmpty && redirections.isEmpty,
                    let name = words[0].literal,
                    !words[0].isQuoted
                {
                    return .function(try parseFunctionAfterName(name: name, nameWord: words[0]))
                }
                if let last = assignments.last, words.isEmpty, last.range.upperBound == pos {
                    throw ParseFailure(reason: .unsupported(.arrayAssignment, at: pos))
                }
                if let last = words.last, last.range.upperBound == pos, let tail = last.raw.utf8.last {
                    if tail == Byte.equals {
                        throw ParseFailure(reason: .unsupported(.arrayAssignment, at: pos))
                    }
                    if tail == Byte.at || tail == Byte.bang || tail == Byte.plus || tail == Byte.star
                        || tail == Byte.question
                    {
                        throw ParseFailure(reason: .unsupported(.extendedGlob, at: pos))
                    }
                }
                throw unexpected(at: pos)
            default:
                if (c == Byte.less || c == Byte.greater) && byte(at: pos + 1) == Byte.openParen {
                    words.append(try scanWord())
                } else if atRedirection() {
                    redirections.append(try parseRedirection())
                } else if words.isEmpty, let assignment = try scanAssignment() {
                    assignments.append(assignment)
                } else {
                    let word = try scanWord()
                    guard !word.range.isEmpty else { throw unexpected(at: pos) }
                    words.append(word)
                    if words.count == 1 && assignments.isEmpty && word.raw == "[[" {
                        try scanDoubleBracket(into: &words, start: word.range.lowerBound)
                    }
                }
            }
            lastEnd = pos
        }
        if assignments.isEmpty && words.isEmpty && redirections.isEmpty { throw unexpected(at: pos) }
        return .simple(
            SimpleCommand(
                range: start..<lastEnd, assignments: assignments, words: words, redirections: redirections))
    }

    /// The words of `[[ ... ]]` after `[[`, up to and including `]]`. Inside, `&&`, `||`, `(`, `)`,
    /// `<` and `>` are plain words.
    mutating func scanDoubleBracket(into words: inout [Word], start: Int) throws(ParseFailure) {
        while true {
            skipBlanks()
            while pos < end && b[pos] == Byte.newline {
                consumeNewline()
                skipBlanks()
            }
            guard pos < end else {
                throw ParseFailure(reason: .unterminatedCompound(keyword: "[[", at: start))
            }
            if at("]]") && (pos + 2 >= end || Byte.isMeta(b[pos + 2])) {
                words.append(plainWord(pos..<(pos + 2)))
                pos += 2
                return
            }
            if at("&&") {
                words.append(plainWord(pos..<(pos + 2)))
                pos += 2
                continue
            }
            let word = try scanWord(mode: .doubleBracket)
            guard !word.range.isEmpty else { throw unexpected(at: pos) }
            words.append(word)
        }
    }

    /// `NAME=value` or `NAME+=value` at `pos`, or nil (nothing consumed) when the word is not one.
    mutating func scanAssignment() throws(ParseFailure) -> Assignment? {
        let start = pos
        guard Byte.isNameStart(b[pos]) else { return nil }
        var i = pos + 1
        while i < end && Byte.isNameChar(b[i]) { i += 1 }
        guard i < end else { return nil }
        let equals: Int
        var isAppend = false
        if b[i] == Byte.equals {
            equals = i
        } else if b[i] == Byte.plus && byte(at: i + 1) == Byte.equals {
            equals = i + 1
            isAppend = true
        } else {
            if b[i] == Byte.openBracket {
                var j = i + 1
                while j < end && b[j] != Byte.closeBracket && !Byte.isMeta(b[j]) { j += 1 }
                if j + 1 < end && b[j] == Byte.closeBracket
                    && (b[j + 1] == Byte.equals || (b[j + 1] == Byte.plus && byte(at: j + 2) == Byte.equals))
                {
                    throw ParseFailure(reason: .unsupported(.arrayElementAssignment, at: start))
                }
            }
            return nil
        }
        let name = String(decoding: b[start..<i], as: UTF8.self)
        pos = equals + 1
        if pos < end && b[pos] == Byte.openParen {
            throw ParseFailure(reason: .unsupported(.arrayAssignment, at: pos))
        }
        let value: Word
        if pos >= end || (Byte.isMeta(b[pos]) && !atProcessSubstitution()) {
            value = plainWord(pos..<pos)
        } else {
            value = try scanWord()
        }
        return Assignment(
            range: start..<pos, name: name, nameRange: start..<i, isAppend: isAppend, value: value)
    }

    func atProcessSubstitution() -> Bool {
        pos + 1 < end && (b[pos] == Byte.less || b[pos] == Byte.greater) && b[pos + 1] == Byte.openParen
    }

    /// Whether a redirection starts at `pos`: `<`, `>`, `&>`, `N<`, `N>`, `{name}>`.
    func atRedirection() -> Bool {
        let c = b[pos]
        if c == Byte.less || c == Byte.greater { return true }
        if c == Byte.ampersand { return byte(at: pos + 1) == Byte.greater }
        if Byte.isDigit(c) {
            var j = pos + 1
            while j < end && Byte.isDigit(b[j]) { j += 1 }
            return j < end && (b[j] == Byte.less || b[j] == Byte.greater)
        }
        if c == Byte.openBrace {
            var j = pos + 1
            while j < end && Byte.isNameChar(b[j]) { j += 1 }
            return j > pos + 1 && j + 1 < end && b[j] == Byte.closeBrace
                && (b[j + 1] == Byte.less || b[j + 1] == Byte.greater)
        }
        return false
    }

    /// One redirection at `pos` (`atRedirection()` is true).
    mutating func parseRedirection() throws(ParseFailure) -> Redirection {
        let start = pos
        var fd: Int? = nil
        if b[pos] == Byte.openBrace {
            throw ParseFailure(reason: .unsupported(.namedFileDescriptor, at: start))
        }
        if Byte.isDigit(b[pos]) {
            var value = 0
            while pos < end && Byte.isDigit(b[pos]) {
                value = min(value &* 10 &+ Int(b[pos] - 0x30), 1 << 30)
                pos += 1
            }
            fd = value
        }
        let opStart = pos
        let op: Redirection.Operator
        if at("&>>") {
            op = .appendOutputAndError
        } else if at("&>") {
            op = .outputAndError
        } else if at("<<<") {
            op = .hereString
        } else if at("<<-") {
            op = .heredocStrippingTabs
        } else if at("<<") {
            op = .heredoc
        } else if at("<>") {
            op = .readWrite
        } else if at("<&") {
            op = .duplicateInput
        } else if at("<") {
            op = .input
        } else if at(">>") {
            op = .append
        } else if at(">|") {
            op = .clobber
        } else if at(">&") {
            op = .duplicateOutput
        } else {
            op = .output
        }
        pos += op.rawValue.utf8.count
        let operatorRange = opStart..<pos
        skipBlanks()
        guard pos < end, !Byte.isMeta(b[pos]) || atProcessSubstitution() else {
            throw ParseFailure(reason: .missingRedirectionTarget(at: start))
        }
        let target = try scanWord()
        guard !target.range.isEmpty else { throw ParseFailure(reason: .missingRedirectionTarget(at: start)) }
        var heredoc: Heredoc? = nil
        if op == .heredoc || op == .heredocStrippingTabs {
            let delimiter = target.literal ?? target.staticPrefix
            pendingHeredocs.append(
                PendingHeredoc(
                    key: opStart, delimiter: Array(delimiter.utf8), stripsTabs: op == .heredocStrippingTabs))
            heredoc = Heredoc(
                delimiter: delimiter, isQuoted: target.isQuoted, stripsTabs: op == .heredocStrippingTabs,
                body: end..<end, delimiterLine: nil)
        }
        return Redirection(
            range: start..<pos, fileDescriptor: fd, op: op, operatorRange: operatorRange, target: target,
            heredoc: heredoc)
    }

    /// Redirections after a compound command.
    mutating func parseTrailingRedirections() throws(ParseFailure) -> [Redirection] {
        var redirections: [Redirection] = []
        while true {
            skipBlanks()
            guard pos < end, atRedirection() else { return redirections }
            if atProcessSubstitution() { return redirections }
            redirections.append(try parseRedirection())
        }
    }
}
