import Testing
import WhittleTOML

@Suite("TOMLTable and TOMLValue API")
struct TOMLTableAPITests {
    private let sample: TOMLTable = [
        "name": "whittle",
        "count": 3,
        "ratio": 0.5,
        "enabled": true,
        "tags": ["a", "b"],
        "mixed": ["a", 1],
        "nested": ["inner": ["leaf": 1]],
    ]

    @Test func subscriptAndKeys() {
        #expect(sample.keys == ["name", "count", "ratio", "enabled", "tags", "mixed", "nested"])
        #expect(sample.count == 7)
        #expect(!sample.isEmpty)
        #expect(sample["name"] == .string("whittle"))
        #expect(sample["missing"] == nil)
    }

    @Test func typedHelpers() {
        #expect(sample.string("name") == "whittle")
        #expect(sample.int("count") == 3)
        #expect(sample.double("ratio") == 0.5)
        #expect(sample.double("count") == 3.0)
        #expect(sample.bool("enabled") == true)
        #expect(sample.array("tags") == ["a", "b"])
        #expect(sample.stringArray("tags") == ["a", "b"])
    }

    @Test func helpersReturnNilOnTypeMismatch() {
        #expect(sample.string("count") == nil)
        #expect(sample.int("name") == nil)
        #expect(sample.int("ratio") == nil)
        #expect(sample.bool("name") == nil)
        #expect(sample.double("name") == nil)
        #expect(sample.array("name") == nil)
        #expect(sample.stringArray("mixed") == nil)
        #expect(sample.stringArray("name") == nil)
        #expect(sample.stringArray("missing") == nil)
    }

    @Test func dottedTableLookup() {
        #expect(sample.table("nested")?.keys == ["inner"])
        #expect(sample.table("nested.inner")?.int("leaf") == 1)
        #expect(sample.table("nested.inner.leaf") == nil)
        #expect(sample.table("nested.missing") == nil)
        #expect(sample.table("name") == nil)
        #expect(sample.value(at: "nested.inner.leaf") == 1)
        #expect(sample.value(atPath: []) == .table(sample))
    }

    @Test func pathLookupWithDottedKeyNames() throws {
        let table = try TOMLParser.parse("[site.\"example.com\"]\nport = 80")
        #expect(table.table(atPath: ["site", "example.com"])?.int("port") == 80)
        #expect(table.table("site.example.com") == nil)
    }

    @Test func subscriptSetterMaintainsOrder() {
        var table = TOMLTable()
        table["b"] = 1
        table["a"] = 2
        table["b"] = 3
        #expect(table.keys == ["b", "a"])
        #expect(table["b"] == 3)
        table["b"] = nil
        #expect(table.keys == ["a"])
        table["b"] = 4
        #expect(table.keys == ["a", "b"])
        #expect(table.entries.map(\.key) == ["a", "b"])
        #expect(table.entries.map(\.value) == [2, 4])
    }

    @Test func initFromPairsKeepsFirstPositionAndLastValue() {
        let table = TOMLTable([("x", 1), ("y", 2), ("x", 3)])
        #expect(table.keys == ["x", "y"])
        #expect(table["x"] == 3)
    }

    @Test func equalityIsOrderSensitive() {
        let first: TOMLTable = ["a": 1, "b": 2]
        let second: TOMLTable = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(first == ["a": 1, "b": 2])
    }

    @Test func valueAccessorsAndTypeNames() {
        let values: [(TOMLValue, String)] = [
            ("s", "string"), (1, "integer"), (1.5, "float"), (true, "boolean"), ([1], "array"),
            (["k": 1], "table"),
        ]
        for (value, name) in values {
            #expect(value.typeName == name)
        }
        #expect(TOMLValue.string("s").stringValue == "s")
        #expect(TOMLValue.integer(1).intValue == 1)
        #expect(TOMLValue.float(1.5).doubleValue == 1.5)
        #expect(TOMLValue.boolean(false).boolValue == false)
        #expect(TOMLValue.array([1]).arrayValue == [1])
        #expect(TOMLValue.table(["k": 1]).tableValue == ["k": 1])
        #expect(TOMLValue.string("s").intValue == nil)
        #expect(TOMLValue.integer(1).stringValue == nil)
        #expect(TOMLValue.boolean(true).tableValue == nil)
        #expect(TOMLValue.float(1).arrayValue == nil)
    }

    @Test func parsedTablesAreSendable() async throws {
        let table = try TOMLParser.parse("a = [1, {b = 'c'}]")
        let result = await Task.detached { table.array("a")?.count }.value
        #expect(result == 2)
    }
}
