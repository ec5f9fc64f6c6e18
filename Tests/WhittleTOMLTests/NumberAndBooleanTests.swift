import Testing
import WhittleTOML

/// Parses `value = <source>` and returns the value.
private func value(_ valueSource: String) throws -> TOMLValue? {
    try TOMLParser.parse("value = " + valueSource)["value"]
}

@Suite("Integers, floats and booleans")
struct NumberAndBooleanTests {
    @Test(arguments: [
        ("+99", 99), ("42", 42), ("0", 0), ("-17", -17), ("+0", 0), ("-0", 0),
        ("1_000", 1000), ("5_349_221", 5_349_221), ("53_49_221", 5_349_221), ("1_2_3_4_5", 12345),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func decimalIntegers(source: String, expected: Int) throws {
        #expect(try value(source) == .integer(expected))
    }

    @Test(arguments: [
        ("0xDEADBEEF", 0xDEAD_BEEF), ("0xdeadbeef", 0xDEAD_BEEF), ("0xdead_beef", 0xDEAD_BEEF),
        ("0x00ff", 255), ("0o01234567", 0o01234567), ("0o755", 0o755), ("0b11010110", 0b1101_0110),
        ("0b1_0", 2), ("0x7FFFFFFFFFFFFFFF", Int.max), ("0x0", 0),
    ])
    func radixIntegers(source: String, expected: Int) throws {
        #expect(try value(source) == .integer(expected))
    }

    @Test(arguments: [
        ("+1.0", 1.0), ("3.1415", 3.1415), ("-0.01", -0.01), ("5e+22", 5e22), ("1e06", 1e6),
        ("-2E-2", -2e-2), ("6.626e-34", 6.626e-34), ("224_617.445_991_228", 224_617.445_991_228),
        ("1e1_0", 1e10), ("0.0", 0.0), ("0e0", 0.0), ("1E5", 1e5),
    ])
    func floats(source: String, expected: Double) throws {
        #expect(try value(source) == .float(expected))
    }

    @Test func negativeZeroFloat() throws {
        let result = try #require(try value("-0.0")?.doubleValue)
        #expect(result == 0 && result.sign == .minus)
    }

    @Test func infinityAndNaN() throws {
        #expect(try value("inf") == .float(.infinity))
        #expect(try value("+inf") == .float(.infinity))
        #expect(try value("-inf") == .float(-.infinity))
        for source in ["nan", "+nan", "-nan"] {
            let result = try #require(try value(source)?.doubleValue)
            #expect(result.isNaN)
            #expect(try value(source)?.typeName == "float")
        }
    }

    @Test func integerAndFloatAreDistinct() throws {
        #expect(try value("1") == .integer(1))
        #expect(try value("1.0") == .float(1))
        #expect(try value("1") != .float(1))
    }

    @Test func booleans() throws {
        #expect(try value("true") == .boolean(true))
        #expect(try value("false") == .boolean(false))
        #expect(try TOMLParser.parse("a = true\nb = false") == ["a": true, "b": false])
    }

    @Test func bareValuesEndAtDelimiters() throws {
        #expect(try TOMLParser.parse("a = [1,2.5,true,0x10]") == ["a": [1, 2.5, true, 16]])
        #expect(try TOMLParser.parse("a = {x=1,y=false}") == ["a": ["x": 1, "y": false]])
    }
}
