import Inputs
import Testing

@Suite struct JSONReaderTests {
  private func document(_ text: String) throws -> JSONDocument {
    try JSONDocument(parsing: text, file: "t.json")
  }

  private func syntaxError(_ text: String) -> InputError? {
    do {
      _ = try document(text)
      return nil
    } catch {
      return error as? InputError
    }
  }

  @Test(arguments: [
    ("{\"a\": 1,\n \"b\": @}", 2, 7, "a JSON value", #""@""#),
    (#"{"a": 1,}"#, 1, 9, "a field name in double quotes", #""}""#),
    (#"{"a": 1 "b": 2}"#, 1, 9, #""," or "}""#, "\"\"\""),
    (#"{"a": 1, "a": 2}"#, 1, 10, "each field once", #"a second "a""#),
    ("[1, 2", 1, 6, #""," or "]""#, "the end of the input"),
    ("[01]", 1, 3, #"no leading zero (".", "e" or the end of the number)"#, #""1""#),
    ("\"tab\there\"", 1, 5, #"a closing " (control characters must be escaped)"#, "a control character"),
    (#"{"a": "\q"}"#, 1, 9, #"an escape (\" \\ \/ \b \f \n \r \t or \uXXXX)"#, #""q""#),
    ("1 2", 1, 3, "the end of the JSON text", #""2""#),
    ("{\"é\": tru}", 1, 7, "a JSON value", #""t""#),
  ])
  func syntaxErrorsAreLocated(text: String, line: Int, column: Int, expected: String, found: String) {
    let error = syntaxError(text)
    #expect(error?.kind == .malformed)
    #expect(
      error?.location == SourceLocation(file: "t.json", line: line, column: column),
      "\(String(describing: error))")
    #expect(error?.expected == expected, "\(String(describing: error))")
    #expect(error?.found == found, "\(String(describing: error))")
  }

  @Test func nestingIsLimited() {
    #expect(syntaxError(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    #expect(syntaxError(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) != nil)
  }

  @Test func stringsAndEscapes() throws {
    let root = try document(#"["plain", "é\u00e9\n\"\\\/", "\ud83d\ude00", "a\tb"]"#).reader
    let strings = try root.array { (r: JSONReader) throws(InputError) in try r.string() }
    #expect(strings == ["plain", "éé\n\"\\/", "😀", "a\tb"])
    #expect(syntaxError(#""\ud83d""#) != nil)  // unpaired surrogate
  }

  /// The fast number path agrees with the standard library's parser, bit for bit.
  @Test func numbersMatchTheStandardParser() throws {
    var generator = SystemRandomNumberGenerator()
    var literals = [
      "0", "-0", "1e22", "123456789012345", "1234567890123456789", "0.1", "2.5e-3", "1E+2", "-7.25",
    ]
    for _ in 0..<2_000 {
      let mantissa = Int.random(in: 0...999_999_999_999, using: &generator)
      let exponent = Int.random(in: -30...30, using: &generator)
      literals.append("\(mantissa)e\(exponent)")
      literals.append("\(Double(mantissa) / 997)")
    }
    let root = try document("[" + literals.joined(separator: ",") + "]").reader
    let parsed = try root.array { (r: JSONReader) throws(InputError) in try r.number() }
    #expect(parsed.count == literals.count)
    for (literal, value) in zip(literals, parsed) {
      #expect(value.bitPattern == Double(literal)!.bitPattern, "\(literal)")
    }
  }

  @Test func objectsRejectUnknownFieldsListingTheSchema() throws {
    let root = try document("{\"a\": 1,\n  \"bee\": 2}").reader
    #expect(
      throws: InputError.unknownField("bee", allowed: ["a", "b"])
        .located(at: SourceLocation(file: "t.json", line: 2, column: 3))
    ) { try root.object(fields: ["a", "b"]) }
    let object = try root.object(fields: ["a", "bee", "c"])
    #expect(try object.int("a") == 1)
    #expect(try object.int("c") == nil)
    #expect(object.keys == ["a", "bee"])
  }

  @Test func typedReadsNameWhatWasExpectedAndFound() throws {
    let root = try document(#"{"n": "abc", "b": 1, "i": 2.5, "s": null, "r": 7, "list": [1, "x"]}"#).reader
    let r = try root.object(fields: ["n", "b", "i", "s", "r", "list", "req"])
    #expect(
      throws: InputError(field: "n", expected: "a number", found: #""abc""#).located(at: r["n"]!.location)
    ) {
      try r.number("n")
    }
    #expect(
      throws: InputError(field: "b", expected: "true or false", found: "1").located(at: r["b"]!.location)
    ) {
      try r.bool("b")
    }
    #expect { try r.int("i") } throws: {
      ($0 as? InputError)?.message == "i: expected a whole number, found 2.5"
    }
    #expect(try r.string("s") == nil)  // null reads as absent
    #expect { try r.int("r", in: 0...5) } throws: {
      ($0 as? InputError)?.message == "r: expected a whole number from 0 to 5, found 7"
    }
    #expect { try r["list"]!.array { (e: JSONReader) throws(InputError) in try e.int() } } throws: {
      ($0 as? InputError)?.field == "list[1]"
    }
    #expect { try r.required("req", expected: "a thing") } throws: {
      let error = $0 as? InputError
      return error?.kind == .missing && error?.field == "req" && error?.location?.column == 1
    }
  }

  enum Colour: String, InputEnumeration {
    case red, green
    static var aliases: [String: Colour] { ["verde": .green] }
  }

  @Test func enumerationsListTheAllowedValues() throws {
    let root = try document(#"{"c": "Verde", "d": "blue"}"#).reader
    let r = try root.object(fields: ["c", "d"])
    #expect(try r.enumeration("c", Colour.self) == .green)
    #expect { try r.enumeration("d", Colour.self) } throws: {
      ($0 as? InputError)?.description == #"t.json:1:21: d: expected one of red, green, found "blue""#
    }
  }

  @Test func pathsLocateLaterErrors() throws {
    let doc = try document("{\"xs\": [\n  {\"a\": {\"b\": 1}}]}")
    #expect(doc.location(of: "xs[0].a.b") == SourceLocation(file: "t.json", line: 2, column: 15))
    #expect(doc.location(of: "xs[0].missing") == SourceLocation(file: "t.json", line: 2, column: 3))
    let located = doc.locate(InputError(field: "xs[0].a", expected: "x", found: "y"))
    #expect(located.location == SourceLocation(file: "t.json", line: 2, column: 9))
  }

  @Test func documentsStartingOnALaterLineCountFromIt() {
    #expect {
      try JSONDocument(parsing: "{\"a\": ?}", file: "batch.ndjson", firstLine: 17)
    } throws: { ($0 as? InputError)?.location == SourceLocation(file: "batch.ndjson", line: 17, column: 7) }
  }
}
