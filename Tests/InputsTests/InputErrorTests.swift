import Inputs
import Testing

@Suite struct InputErrorTests {
  enum Colour: String, InputEnumeration {
    case red, green
    static var aliases: [String: Colour] { ["verde": .green] }
  }

  @Test func messageNamesFieldExpectedAndFound() {
    let error = InputError(field: "design.target", expected: "a rate in (0, 1)", found: "1.2")
    #expect(error.description == "design.target: expected a rate in (0, 1), found 1.2")
    let located = error.located(at: SourceLocation(file: "p.yaml", line: 3, column: 9))
    #expect(located.description == "p.yaml:3:9: design.target: expected a rate in (0, 1), found 1.2")
  }

  @Test func nestingJoinsPaths() {
    let error = InputError(field: "target", expected: "x", found: "y")
    #expect(error.nested(under: "groups[0].design").field == "groups[0].design.target")
    #expect(InputError(field: "[2]", expected: "x", found: "y").nested(under: "counts").field == "counts[2]")
    #expect(InputError(field: "", expected: "x", found: "y").nested(under: "oxygen").field == "oxygen")
  }

  @Test func enumerationListsAllowedValues() throws {
    #expect(try Colour.parse(" RED ", field: "colour") == .red)
    #expect(try Colour.parse("Verde", field: "colour") == .green)
    #expect(throws: InputError.notOneOf("colour", allowed: ["red", "green"], found: "\"blue\"")) {
      try Colour.parse("blue", field: "colour")
    }
    let error = InputError.notOneOf("colour", allowed: ["red", "green"], found: "\"blue\"")
    #expect(error.message == "colour: expected one of red, green, found \"blue\"")
    #expect(error.kind == .invalidValue)
  }
}

@Suite struct SettingValueTests {
  @Test func parsesCommandLineText() {
    #expect(SettingValue(parsing: "0.18") == .number(0.18))
    #expect(SettingValue(parsing: "0.25, 0.35") == .numbers([0.25, 0.35]))
    #expect(SettingValue(parsing: "Logistic") == .text("Logistic"))
    #expect(SettingValue(parsing: "true") == .flag(true))
    #expect(SettingValue(parsing: "1,x") == .text("1,x"))
  }

  @Test func typedAccessorsNameTheSetting() throws {
    #expect(try SettingValue.number(12).integer("earlyStop") == 12)
    #expect(throws: InputError(field: "earlyStop", expected: "a whole number", found: "12.5")) {
      try SettingValue.number(12.5).integer("earlyStop")
    }
    #expect(throws: InputError(field: "model", expected: "a word", found: "3")) {
      try SettingValue.number(3).text("model")
    }
    #expect(try SettingValue.number(0.2).numbers("skeleton") == [0.2])
    #expect(SettingValue.numbers([0.25, 0.35]).description == "0.25,0.35")
  }
}
