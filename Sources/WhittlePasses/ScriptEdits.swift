import WhittleEngine
import WhittleShell
import WhittleSyntax

/// Small, byte-exact edits of a RUN's shell script, written in the file's style.
enum ScriptEdits {
    /// Source offset just after the script's last byte (before any removed line continuation).
    static func scriptEnd(_ script: ShellScript) -> Int {
        script.source.sourceEnd(ofLogical: script.source.text.count)
    }

    /// Source offset of the script's first byte.
    static func scriptStart(_ script: ShellScript) -> Int {
        script.source.sourceOffset(ofLogical: 0)
    }

    /// Whether text can be appended after the script's last command: it does not end in a
    /// comment (which would swallow it), in `&`, or after a top-level `exit`/`exec`.
    static func canAppend(to script: ShellScript) -> Bool {
        !script.isOpaque && !script.endsInComment && !script.endsInBackground && !script.hasTopLevelExitOrExec
            && !script.body.items.isEmpty
    }

    /// Appends `command` so that it runs after the whole script when it succeeds: `&& command`,
    /// on a new continuation line when the RUN already spans several lines.
    static func append(
        _ command: String, to script: ShellScript, in instruction: Instruction, style: FileStyle
    ) -> TextEdit {
        let at = scriptEnd(script)
        let endsWithSemicolon = script.body.items.last?.terminator == .semicolon
        if instruction.isMultiline && instruction.heredocs.isEmpty {
            let text: String
            switch (style.operatorPlacement, endsWithSemicolon) {
            case (_, true): text = style.lineContinuation + style.continuationIndent + command
            case (.lineEnd, false): text = " &&" + style.lineContinuation + style.continuationIndent + command
            case (.lineStart, false):
                text = style.lineContinuation + style.continuationIndent + "&& " + command
            }
            return .insert(text, at: at)
        }
        if instruction.heredocs.isEmpty {
            return .insert(endsWithSemicolon ? " " + command : " && " + command, at: at)
        }
        // A heredoc script: on its last line, before the line terminator (the next line is the
        // heredoc's terminator). `&&` keeps the script's exit status honest.
        var end = script.source.text.count
        while end > 0, script.source.text[end - 1] == 0x0A || script.source.text[end - 1] == 0x0D { end -= 1 }
        return .insert(
            (endsWithSemicolon ? " " : " && ") + command, at: script.source.sourceEnd(ofLogical: end))
    }

    /// Inserts ` option` right after `word` (e.g. `--no-cache` after `apk add`).
    static func insert(_ option: String, after word: Word, in script: ShellScript) -> TextEdit {
        .insert(" " + option, at: script.source.sourceEnd(ofLogical: word.range.upperBound))
    }

    /// The words of a command that name its subcommand (`install` in `apt-get -q install`).
    static func subcommandWord(_ command: PackageManagerCommand) -> Word? {
        command.subcommand.last
    }
}

extension ScriptEdits {
    /// An edit that deletes a top-level simple command together with the `&&` or `;` after it,
    /// or nil when that cannot be done without touching anything else (it is the last command, it
    /// is followed by `||`, or a comment line sits in the span).
    /// With `allowLast`, the script's last command goes too, with the `&&` before it.
    static func removal(
        of command: SimpleCommand, in script: ShellScript, instruction: Instruction, allowLast: Bool = false
    ) -> TextEdit? {
        let items = script.body.items
        for (i, item) in items.enumerated() {
            let pipelines = item.andOr.pipelines
            for (j, pipeline) in pipelines.enumerated() where pipeline.range == command.range {
                let logical: Range<Int>
                if pipelines.count > 1 && j < pipelines.count - 1 && item.andOr.connectors[j] == .and {
                    logical = pipeline.range.lowerBound..<pipelines[j + 1].range.lowerBound
                } else if pipelines.count == 1 && i < items.count - 1 {
                    logical = item.range.lowerBound..<items[i + 1].range.lowerBound
                } else if allowLast && j > 0 && j == pipelines.count - 1
                    && item.andOr.connectors[j - 1] == .and
                    && i == items.count - 1
                {
                    // The last command of the script: ` && command` goes, from the end of the one before.
                    logical = pipelines[j - 1].range.upperBound..<pipeline.range.upperBound
                } else {
                    return nil
                }
                let range =
                    script.source.sourceOffset(
                        ofLogical: logical.lowerBound)..<script.source.sourceOffset(
                        ofLogical: logical.upperBound)
                if instruction.continuationComments.contains(where: { $0.overlaps(range) }) { return nil }
                return .delete(range)
            }
        }
        return nil
    }
}
