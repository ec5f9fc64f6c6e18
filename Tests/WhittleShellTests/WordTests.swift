import Testing
import WhittleShell

@Suite("Words: quoting and expansions")
struct WordTests {
    @Test func plainWordIsStaticAndUnquoted() throws {
        let word = try #require(firstArgument("echo hello"))
        #expect(word.literal == "hello")
        #expect(word.raw == "hello")
        #expect(!word.isQuoted)
        #expect(word.expansions.isEmpty)
        #expect(word.range == 5..<10)
    }

    @Test func singleQuotesKeepEverythingLiteral() throws {
        let word = try #require(firstArgument("echo 'a $b \\c \"d\"'"))
        #expect(word.literal == "a $b \\c \"d\"")
        #expect(word.isQuoted)
        #expect(word.expansions.isEmpty)
    }

    @Test func doubleQuotesUnescapeOnlyTheirSpecials() throws {
        let word = try #require(firstArgument(#"echo "a \"b\" \$c \\ \x""#))
        #expect(word.literal == #"a "b" $c \ \x"#)
    }

    @Test func backslashEscapesOutsideQuotes() throws {
        let word = try #require(firstArgument(#"echo a\ b\$c"#))
        #expect(word.literal == "a b$c")
        #expect(word.isQuoted)
    }

    @Test func adjacentQuotedPartsFormOneWord() throws {
        let script = parse(#"echo 'a'"b"c\ d"#)
        #expect(script.commands[0].words.count == 2)
        #expect(script.commands[0].words[1].literal == "abc d")
    }

    @Test func ansiCStringDecodesCommonEscapes() throws {
        let word = try #require(firstArgument(#"echo $'a\tb\n\'c'"#))
        #expect(word.literal == "a\tb\n'c")
    }

    @Test func ansiCStringWithHexEscapeIsDynamic() throws {
        let word = try #require(firstArgument(#"echo x$'\x41'"#))
        #expect(word.literal == nil)
        #expect(word.expansionKinds == [.ansiCString])
        #expect(word.staticPrefix == "x")
    }

    @Test func simpleParameter() throws {
        let word = try #require(firstArgument("echo $HOME/bin"))
        #expect(word.literal == nil)
        #expect(word.expansionKinds == [.parameter])
        #expect(word.parameterNames == ["HOME"])
        #expect(word.expansions[0].range == 5..<10)
        #expect(!word.expansions[0].isQuoted)
    }

    @Test func specialAndPositionalParameters() throws {
        let script = parse("echo $1 $@ $? $$ $! $- $0")
        #expect(
            script.commands[0].args.map(\.parameterNames) == [
                ["1"], ["@"], ["?"], ["$"], ["!"], ["-"], ["0"],
            ])
    }

    @Test func dollarWithoutNameIsLiteral() throws {
        let script = parse("echo $ a$ \"$\" $%")
        #expect(script.commands[0].args.map(\.literal) == ["$", "a$", "$", "$%"])
    }

    @Test func bracedParameterWithOperators() throws {
        let script = parse(#"echo ${VAR:-default} ${#LIST} ${NAME%.*} ${A/b/c} ${!REF} "${X:+"$Y"}""#)
        let names = script.commands[0].args.map(\.parameterNames)
        #expect(names == [["VAR"], ["LIST"], ["NAME"], ["A"], ["REF"], ["X", "Y"]])
        #expect(script.commands[0].args.allSatisfy { $0.literal == nil })
    }

    @Test func nestedBracedParameters() throws {
        let word = try #require(firstArgument("echo ${A:-${B:-${C}}}"))
        #expect(word.parameterNames == ["A", "B", "C"])
        #expect(word.expansions[0].range == word.range)
    }

    @Test func bracedParameterWithCommandSubstitutionInside() throws {
        let script = parse("echo ${VERSION:-$(cat /VERSION)}")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["echo", "cat"])
        #expect(script.commands[1].inSubstitution)
    }

    @Test func bracesInsideBracedParameterAreCounted() throws {
        let word = try #require(firstArgument("echo ${a:-{x}}y"))
        #expect(word.raw == "${a:-{x}}y")
    }

    @Test func commandSubstitutionIsParsed() throws {
        let script = parse(#"echo "$(dpkg --print-architecture)""#)
        let word = script.commands[0].args[0]
        #expect(word.expansionKinds == [.commandSubstitution])
        #expect(word.expansions[0].isQuoted)
        let body = try #require(word.expansions[0].body)
        #expect(body.items.count == 1)
        #expect(script.commands.count == 2)
        #expect(script.commands[1].name == "dpkg")
        #expect(script.text(script.commands[1].range) == "dpkg --print-architecture")
    }

    @Test func nestedCommandSubstitutionWithQuotesAndParens() throws {
        let script = parse(#"x="$(echo "$(date +%s)" | tr -d ')' | sed 's/(//')"; echo "$x""#)
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == [nil, "echo", "date", "tr", "sed", "echo"])
        #expect(script.commands[0].isBareAssignment)
        #expect(script.commands[2].context.depth == 2)
    }

    @Test func caseInsideCommandSubstitution() throws {
        let script = parse(
            #"arch="$(case "$(uname -m)" in x86_64) echo amd64 ;; aarch64|arm64) echo arm64 ;; esac)"; echo $arch"#
        )
        #expect(script.opaque == nil)
        #expect(script.commands.compactMap(\.name) == ["uname", "echo", "echo", "echo"])
    }

    @Test func caseWithParenthesizedPatternsInsideSubstitution() throws {
        let script = parse(#"v=$(case $x in (a) echo 1;; (*) echo 2;; esac)"#)
        #expect(script.opaque == nil)
        #expect(script.commands.count == 3)
    }

    @Test func backquotesAreParsedWhenTheyHaveNoBackslash() throws {
        let script = parse("echo `uname -m` done")
        let word = script.commands[0].args[0]
        #expect(word.expansionKinds == [.backquote])
        #expect(word.expansions[0].body != nil)
        #expect(script.commands.map(\.name) == ["echo", "uname"])
        #expect(script.commands[1].range == 6..<14)
    }

    @Test func backquotesWithBackslashesAreNotParsedInside() throws {
        let script = parse(#"echo `echo \`date\``"#)
        #expect(script.opaque == nil)
        #expect(script.commands.count == 1)
        #expect(script.commands[0].args[0].expansions[0].body == nil)
    }

    @Test func arithmeticExpansion() throws {
        let word = try #require(firstArgument("echo $((1 + (2 * $N)))"))
        #expect(word.expansionKinds == [.arithmetic])
        #expect(word.raw == "$((1 + (2 * $N)))")
    }

    @Test func dollarDoubleParenThatIsASubshellSubstitution() throws {
        let script = parse("echo $((cd /tmp && ls) | wc -l)")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["echo", "cd", "ls", "wc"])
    }

    @Test func globsKeepTheirPatternAsLiteral() throws {
        let script = parse("rm -rf /var/lib/apt/lists/* /tmp/?.log /x/[ab] '/q/*'")
        let args = script.commands[0].args
        #expect(args.map(\.literal) == ["-rf", "/var/lib/apt/lists/*", "/tmp/?.log", "/x/[ab]", "/q/*"])
        #expect(args.map(\.hasGlob) == [false, true, true, true, false])
    }

    @Test func tildeIsFlaggedButStatic() throws {
        let script = parse("cd ~/app '~/x'")
        #expect(script.commands[0].args[0].hasTilde)
        #expect(script.commands[0].args[0].literal == "~/app")
        #expect(!script.commands[0].args[1].hasTilde)
    }

    @Test func braceExpansionIsDynamic() throws {
        let script = parse("mkdir -p /a/{b,c}/d /x/{1..3} find {} '{a,b}'")
        let args = script.commands[0].args
        #expect(args[1].literal == nil)
        #expect(args[1].expansionKinds == [.brace])
        #expect(args[1].staticPrefix == "/a/")
        #expect(args[1].expansions[0].range == 12..<17)
        #expect(args[2].expansionKinds == [.brace])
        #expect(args[4].literal == "{}")
        #expect(args[5].literal == "{a,b}")
    }

    @Test func staticPrefixOfDynamicWord() throws {
        let word = try #require(firstArgument("pip --requirement=$REQ"))
        #expect(word.literal == nil)
        #expect(word.staticPrefix == "--requirement=")
    }

    @Test func processSubstitutionWords() throws {
        let script = parse("diff <(sort a) <(sort b)")
        #expect(script.opaque == nil)
        #expect(
            script.commands[0].args.map(\.expansionKinds) == [[.processSubstitution], [.processSubstitution]])
        #expect(script.commands.map(\.name) == ["diff", "sort", "sort"])
        #expect(script.commands[1].inSubstitution)
    }

    @Test func redirectionFromProcessSubstitution() throws {
        let script = parse("while read -r l; do echo $l; done < <(ls /)")
        #expect(script.opaque == nil)
        #expect(script.commands.map(\.name) == ["read", "echo", "ls"])
    }

    @Test func localeStringIsADoubleQuotedString() throws {
        let word = try #require(firstArgument(#"echo $"hello $USER""#))
        #expect(word.parameterNames == ["USER"])
    }

    @Test func lineContinuationInsideAWordIsRemoved() throws {
        let word = try #require(firstArgument("echo ab\\\ncd"))
        #expect(word.literal == "abcd")
        #expect(word.raw == "ab\\\ncd")
    }

    @Test func hashInsideAWordIsNotAComment() throws {
        let script = parse("echo a#b c# #d")
        #expect(script.commands[0].args.map(\.literal) == ["a#b", "c#"])
        #expect(script.comments.count == 1)
    }

    @Test func nonASCIIBytesAreKept() throws {
        let word = try #require(firstArgument("echo héllo→"))
        #expect(word.literal == "héllo→")
        #expect(word.range == 5..<14)
    }
}
