import Testing
import WhittleTOML

@Suite("Keys")
struct KeyTests {
    @Test func bareKeys() throws {
        let source = """
            key = 1
            bare_key = 2
            bare-key = 3
            1234 = 4
            -_- = 5
            ABC = 6
            """
        let table = try TOMLParser.parse(source)
        #expect(table.keys == ["key", "bare_key", "bare-key", "1234", "-_-", "ABC"])
        #expect(table.int("1234") == 4)
        #expect(table.int("-_-") == 5)
    }

    @Test func quotedKeys() throws {
        let source = #"""
            "127.0.0.1" = "value"
            "character encoding" = "value"
            "ʎǝʞ" = "value"
            'key2' = "value"
            'quoted "value"' = "value"
            "tab\there" = 1
            "\u00e9" = 2
            "" = "blank"
            """#
        let table = try TOMLParser.parse(source)
        #expect(
            table.keys == [
                "127.0.0.1", "character encoding", "ʎǝʞ", "key2", "quoted \"value\"", "tab\there", "é", "",
            ])
        #expect(table.string("") == "blank")
    }

    @Test func emptyLiteralKey() throws {
        #expect(try TOMLParser.parse("'' = 1") == ["": 1])
    }

    @Test func dottedKeysCreateNestedTables() throws {
        let source = """
            name = "Orange"
            physical.color = "orange"
            physical.shape = "round"
            site."google.com" = true
            """
        let expected: TOMLTable = [
            "name": "Orange",
            "physical": ["color": "orange", "shape": "round"],
            "site": ["google.com": true],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func whitespaceAroundDots() throws {
        let source = "fruit . color = \"yellow\"\nfruit.\tflavor = \"banana\""
        #expect(try TOMLParser.parse(source) == ["fruit": ["color": "yellow", "flavor": "banana"]])
    }

    @Test func deeplyDottedKeys() throws {
        let table = try TOMLParser.parse("a.b.c.d = 1\na.b.e = 2\na.f = 3")
        #expect(table == ["a": ["b": ["c": ["d": 1], "e": 2], "f": 3]])
    }

    @Test func numericLookingDottedKey() throws {
        #expect(try TOMLParser.parse("3.14159 = 'pi'") == ["3": ["14159": "pi"]])
    }

    @Test func keyOrderIsPreserved() throws {
        let table = try TOMLParser.parse("z = 1\na = 2\nm = 3\n[b]\n[a0]")
        #expect(table.keys == ["z", "a", "m", "b", "a0"])
    }

    @Test func dottedKeysInsideTableSection() throws {
        let source = """
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]
            smooth = true
            """
        let expected: TOMLTable = [
            "fruit": [
                "apple": ["color": "red", "taste": ["sweet": true], "texture": ["smooth": true]]
            ]
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }
}
