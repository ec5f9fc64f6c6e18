import Testing
import WhittleTOML

@Suite("Table headers and arrays of tables")
struct TableHeaderTests {
    @Test func simpleTables() throws {
        let source = """
            top = 0
            [table-1]
            key1 = "some string"
            key2 = 123

            [table-2]
            key1 = "another string"
            key2 = 456
            """
        let expected: TOMLTable = [
            "top": 0,
            "table-1": ["key1": "some string", "key2": 123],
            "table-2": ["key1": "another string", "key2": 456],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func emptyTable() throws {
        #expect(try TOMLParser.parse("[empty]") == ["empty": TOMLValue.table(TOMLTable())])
    }

    @Test func nestedHeadersWithQuotedSegments() throws {
        let source = #"""
            [dog."tater.man"]
            type.name = "pug"
            [ j . "ʞ" . 'l' ]
            x = 1
            """#
        let expected: TOMLTable = [
            "dog": ["tater.man": ["type": ["name": "pug"]]],
            "j": ["ʞ": ["l": ["x": 1]]],
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func implicitSuperTablesCanBeDefinedLater() throws {
        let source = """
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            [x.y]
            c = 3
            """
        let expected: TOMLTable = ["x": ["y": ["z": ["w": ["a": 1]], "c": 3], "b": 2]]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func subTableOfDottedKeyTable() throws {
        let source = """
            a.b = 1
            [a.c]
            d = 2
            """
        #expect(try TOMLParser.parse(source) == ["a": ["b": 1, "c": ["d": 2]]])
    }

    @Test func arrayOfTables() throws {
        let source = """
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            sku = 284758393
            color = "gray"
            """
        let table = try TOMLParser.parse(source)
        let products = try #require(table.array("products"))
        #expect(products.count == 3)
        #expect(products[0] == ["name": "Hammer", "sku": 738_594_937])
        #expect(products[1] == .table(TOMLTable()))
        #expect(products[2] == ["name": "Nail", "sku": 284_758_393, "color": "gray"])
    }

    @Test func nestedArraysOfTables() throws {
        let source = """
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """
        let expected: TOMLTable = [
            "fruits": [
                [
                    "name": "apple",
                    "physical": ["color": "red", "shape": "round"],
                    "varieties": [["name": "red delicious"], ["name": "granny smith"]],
                ],
                [
                    "name": "banana",
                    "varieties": [["name": "plantain"]],
                ],
            ]
        ]
        #expect(try TOMLParser.parse(source) == expected)
    }

    @Test func arrayOfTablesUnderImplicitTableThenDefinedTable() throws {
        let source = """
            [[a.b]]
            x = 1
            [a]
            y = 2
            """
        #expect(try TOMLParser.parse(source) == ["a": ["b": [["x": 1]], "y": 2]])
    }

    @Test func dottedKeysInsideArrayElements() throws {
        let source = """
            [[rule]]
            meta.id = 1
            [[rule]]
            meta.id = 2
            """
        #expect(try TOMLParser.parse(source) == ["rule": [["meta": ["id": 1]], ["meta": ["id": 2]]]])
    }

    @Test func arrayOfTablesHeaderWithWhitespace() throws {
        #expect(try TOMLParser.parse("[[ a . b ]]\nc = 1") == ["a": ["b": [["c": 1]]]])
    }
}
