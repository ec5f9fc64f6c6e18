import Testing
import WhittleTOML

@Suite("Arrays and inline tables")
struct ArrayAndInlineTableTests {
    @Test func simpleArrays() throws {
        let source = """
            integers = [ 1, 2, 3 ]
            colors = [ "red", 'yellow', \"""green\""" ]
            nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
            nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
            empty = []
            empty_spaced = [ ]
            """
        let expected: TOMLTable = [
            "integers": [1, 2, 3],
            "colors": ["red", "yellow", "green"],
            "nested_arrays_of_ints": [[1, 2], [3, 4, 5]],
            "nested_mixed_array": [[1, 2], ["a", "b", "c"]],
            "empty": [],
            "empty_spaced": [],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func mixedTypeArrays() throws {
        let source = #"mixed = [ 0.1, 0.2, 1, "x", true, [], {} ]"#
        #expect(try TOMLParser.parse(source) == ["mixed": [0.1, 0.2, 1, "x", true, [], [:]]])
    }

    @Test func multilineArraysWithCommentsAndTrailingComma() throws {
        let source = """
            select = [
              "merge-runs",   # first
              # a full-line comment
              "clean-package-cache",

              'pin-base-image', # trailing comma follows
            ]
            numbers = [
              1,
              2
            ]
            crlf = [\r\n  1,\r\n  2,\r\n]
            """
        let table = try TOMLParser.parse(source)
        #expect(table.stringArray("select") == ["merge-runs", "clean-package-cache", "pin-base-image"])
        #expect(table["numbers"] == [1, 2])
        #expect(table["crlf"] == [1, 2])
    }

    @Test func inlineTables() throws {
        let source = """
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.size = 'small' }
            empty = {}
            spaced = {   }
            nested = { inner = { deep = [1, { x = true }] } }
            """
        let expected: TOMLTable = [
            "name": ["first": "Tom", "last": "Preston-Werner"],
            "point": ["x": 1, "y": 2],
            "animal": ["type": ["name": "pug", "size": "small"]],
            "empty": [:],
            "spaced": [:],
            "nested": ["inner": ["deep": [1, ["x": true]]]],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func inlineTableKeyOrderIsPreserved() throws {
        let table = try #require(try TOMLParser.parse("t = { b = 1, a = 2, c = 3 }").table("t"))
        #expect(table.keys == ["b", "a", "c"])
    }

    @Test func arrayOfInlineTablesAcrossLines() throws {
        let source = """
            points = [
              { x = 1, y = 2 },
              { x = 7, y = 8 },
            ]
            """
        #expect(try TOMLParser.parse(source) == ["points": [["x": 1, "y": 2], ["x": 7, "y": 8]]])
    }

    @Test func inlineTableInsideTableSection() throws {
        let source = """
            [passes]
            merge-runs = { enabled = true, max-chain-length = 3 }
            """
        let table = try TOMLParser.parse(source)
        #expect(table.table("passes.merge-runs")?.int("max-chain-length") == 3)
    }

    @Test func moderatelyDeepNestingIsAllowed() throws {
        let depth = 50
        let source = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try TOMLParser.parse(source)["a"])
        for _ in 1..<depth {
            value = try #require(value.arrayValue?.first)
        }
        #expect(value == [])
    }
}
