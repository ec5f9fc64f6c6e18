import WhittleSyntax

/// `whittle parse --json`: a file as BuildKit's parser reads it, in the schema of
/// `shared/tools/buildkit-dump`, so that any file can be compared with BuildKit field by field.
///
/// One deliberate imitation: the reference dump passes BuildKit's strings through C, which ends a
/// string at its first NUL (`CMD ["a\u0000b"]` reads as `a`). The dump does the same, so that a
/// comparison measures parsing, not transport; the syntax tree keeps the whole string.
enum BuildKitDump {
    /// A string as it comes out of the reference dump: cut at the first NUL.
    static func cString(_ s: String) -> JSONValue {
        guard let nul = s.firstIndex(of: "\u{0}") else { return .string(s) }
        return .string(String(s[..<nul]))
    }

    static func object(path: String, file: Dockerfile) -> JSONValue {
        if let error = file.error {
            return .object([("file", .string(path)), ("ok", .bool(false)), ("error", .string(error.message))])
        }
        return .object([
            ("file", .string(path)), ("ok", .bool(true)),
            ("instructions", .array(file.instructions.map(instruction))),
        ])
    }

    static func failure(path: String, message: String) -> JSONValue {
        .object([("file", .string(path)), ("ok", .bool(false)), ("error", .string(message))])
    }

    static func instruction(_ i: Instruction) -> JSONValue {
        let sub = i.kind == .onbuild ? i.trigger : nil
        return .object([
            ("cmd", .string(i.keyword.lowercased())),
            ("end_line", .int(i.endLine)),
            ("flags", .array(i.flags.map { cString($0.text) })),
            (
                // The reference dump reads ONBUILD's trigger node, which carries no heredocs.
                "heredocs",
                .array(
                    (i.kind == .onbuild ? [] : i.heredocs).map {
                        .object([
                            ("content", cString($0.content)), ("file_descriptor", .int($0.fileDescriptor)),
                            ("name", .string($0.name)),
                        ])
                    })
            ),
            ("json", .bool(i.isJSON)),
            ("start_line", .int(i.startLine)),
            ("sub_cmd", sub.map { .string($0.keyword.lowercased()) } ?? .null),
            ("value", .array(i.value.map(cString))),
        ])
    }
}
