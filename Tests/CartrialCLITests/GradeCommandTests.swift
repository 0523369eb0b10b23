import Foundation
import Testing

/// `cartrial grade crs|icans|lab`: spec vectors end to end, and bad input naming the field.
struct GradeCommandTests {
  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any])
  }

  @Test func crsFromFlags() throws {
    // ASTCT 2019 example: febrile, one vasopressor, low-flow cannula → grade 3.
    let out = try json([
      "grade", "crs", "--temperature", "38.5", "--vasopressors", "1", "--oxygen", "nasalCannula", "--flow",
      "2",
    ])
    #expect(out["grade"] as? Int == 3)
    #expect((out["reason"] as? String)?.contains("vasopressor") == true)
  }

  @Test func icansUsesCAPDForChildrenAndPrintsTheAssumedCutoff() throws {
    let out = try json(["grade", "icans", "--age", "9", "--capd", "10"])
    #expect(out["grade"] as? Int == 3)
    let assumptions = try #require(out["assumptions"] as? [[String: String]])
    #expect(assumptions.first?["setting"] == "icans.capdBelowAgeYears" && assumptions.first?["value"] == "12")
  }

  @Test func labFromAFileInSIUnits() throws {
    let file = try CLIRunner.temporaryFile(
      #"{"term": "creatinine", "value": 300, "unit": "umol/L", "uln": 90, "baseline": 70}"#, name: "lab.json")
    let out = try json(["grade", "lab", "--input", file])
    #expect(out["grade"] as? Int == 3)  // > 3 × ULN (270 µmol/L), ≤ 6 × ULN
  }

  @Test func badInputFailsNamingTheField() throws {
    let ice = try CLIRunner.temporaryFile(
      #"""
      {"ageYears": 40, "ice": {"items": {"orientationYear": 1, "orientationMonth": 1, "orientationCity": 1,
       "orientationHospital": 1, "naming1": 1, "naming2": 1, "naming3": 1, "followsCommands": 1, "writing": 2,
       "attention": 1}}}
      """#, name: "icans.json")
    let badICE = try CLIRunner.run(["grade", "icans", "--input", ice])
    #expect(badICE.status != 0)
    #expect(badICE.stderr.contains("ice.items.writing") && badICE.stderr.contains("icans.json"))
    let flow = try CLIRunner.run([
      "grade", "crs", "--temperature", "38.5", "--oxygen", "nasalCannula", "--flow", "-2",
    ])
    #expect(flow.status != 0 && flow.stderr.contains("--flow"))
    let term = try CLIRunner.run(["grade", "lab", "--term", "sodium", "--value", "140"])
    #expect(term.status != 0 && term.stderr.contains("--term"))
    let unitFile = try CLIRunner.temporaryFile(
      #"{"term": "ANC", "value": 1, "unit": "x10^8/L"}"#, name: "lab.json")
    let unit = try CLIRunner.run(["grade", "lab", "--input", unitFile])
    #expect(unit.status != 0 && unit.stderr.contains("unit") && unit.stderr.contains("x10^8/L"))
  }

  @Test func unknownFieldIsAnErrorNotSilentlyIgnored() throws {
    // A misspelt "vasopressors" would otherwise grade this grade-4 CRS as grade 1.
    let crs = try CLIRunner.temporaryFile(#"{"temperatureCelsius": 39, "vasopresors": 2}"#, name: "crs.json")
    let result = try CLIRunner.run(["grade", "crs", "--input", crs])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "crs.json:1:28: vasopresors: expected one of the fields temperatureCelsius,"),
      "\(result.stderr)")
    let nested = try CLIRunner.temporaryFile(#"{"ageYears": 30, "ice": {"totl": 8}}"#, name: "icans.json")
    let icans = try CLIRunner.run(["grade", "icans", "--input", nested])
    #expect(
      icans.status != 0
        && icans.stderr.contains("ice.totl: expected one of the fields items, total, unableToPerform"),
      "\(icans.stderr)")
    // Explicit nulls are fine.
    let nulls = try CLIRunner.temporaryFile(
      #"{"temperatureCelsius": 39, "vasopressors": 2, "ageYears": null}"#, name: "crs.json")
    #expect(try json(["grade", "crs", "--input", nulls])["grade"] as? Int == 4)
  }

  /// ALT/AST grade on value / ULN: U/L (or IU/L) for both, no unit, or xULN; a mass unit is an error.
  @Test func enzymeGradesInUnitsPerLitreOrWithoutUnit() throws {
    // 130 / 40 = 3.25 × ULN with a normal baseline: CTCAE v5.0 grade 2 (> 3.0–5.0 × ULN).
    #expect(
      try json(["grade", "lab", "--term", "ALT", "--value", "130", "--unit", "U/L", "--uln", "40"])["grade"]
        as? Int == 2)
    let file = try CLIRunner.temporaryFile(
      #"{"term": "AST", "value": 130, "unit": "IU/L", "uln": 40}"#, name: "lab.json")
    #expect(try json(["grade", "lab", "--input", file])["grade"] as? Int == 2)
    #expect(
      try self.json(["grade", "lab", "--term", "ALT", "--value", "130", "--uln", "40"])["grade"] as? Int == 2)
    let wrong = try CLIRunner.run([
      "grade", "lab", "--term", "ALT", "--value", "130", "--unit", "mg/dL", "--uln", "40",
    ])
    #expect(wrong.status != 0 && wrong.stderr.contains("--unit: expected U/L"), "\(wrong.stderr)")
  }

  /// An enumerated field's error lists the allowed values, at the file's line and column, in the
  /// reader's words (not the decoder's "Cannot initialize ConsciousnessLevel …").
  @Test func enumeratedFieldListsAllowedValues() throws {
    let file = try CLIRunner.temporaryFile(
      "{\"ageYears\": 40,\n \"consciousness\": \"spontaneous\"}", name: "icans.json")
    let result = try CLIRunner.run(["grade", "icans", "--input", file])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        #"icans.json:2:19: consciousness: expected one of alert, awakensSpontaneously, awakensToVoice, awakensToTactileStimulus, unarousable, found "spontaneous""#
      ), "\(result.stderr)")
    #expect(!result.stderr.contains("Cannot initialize"))
  }

  /// An unknown field lists the fields the observation has (here `oxygen`, a near miss of
  /// `oxygenDevice`).
  @Test func unknownFieldListsTheAllowedFields() throws {
    let file = try CLIRunner.temporaryFile(
      #"{"temperatureCelsius": 39, "oxygen": "faceMask"}"#, name: "crs.json")
    let result = try CLIRunner.run(["grade", "crs", "--input", file])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("crs.json:1:28: oxygen: expected one of the fields"), "\(result.stderr)")
    #expect(result.stderr.contains("oxygenDevice, oxygenFlowLitresPerMinute"), "\(result.stderr)")
  }

  /// Wrong types name what was expected and what was found.
  @Test func wrongTypeSaysWhatWasFound() throws {
    let file = try CLIRunner.temporaryFile(#"{"temperatureCelsius": "abc"}"#, name: "crs.json")
    let result = try CLIRunner.run(["grade", "crs", "--input", file])
    #expect(
      result.stderr.contains(#"crs.json:1:24: temperatureCelsius: expected a number, found "abc""#),
      "\(result.stderr)")
  }

  /// Enumerated flags list their allowed values.
  @Test func enumeratedFlagsListAllowedValues() throws {
    let consciousness = try CLIRunner.run(["grade", "icans", "--consciousness", "spontaneous"])
    #expect(consciousness.status != 0)
    #expect(consciousness.stderr.contains("'awakensSpontaneously'"), "\(consciousness.stderr)")
    let oxygen = try CLIRunner.run(["grade", "crs", "--temperature", "39", "--oxygen", "mask"])
    #expect(oxygen.status != 0 && oxygen.stderr.contains("nonRebreatherMask"), "\(oxygen.stderr)")
    let icp = try CLIRunner.run(["grade", "icans", "--icp", "oedema"])
    #expect(icp.status != 0 && icp.stderr.contains("focalOedema"), "\(icp.stderr)")
    // Case-insensitive, as in JSON files.
    #expect(
      try json(["grade", "icans", "--age", "40", "--ice", "10", "--consciousness", "AWAKENSTOVOICE"])["grade"]
        as? Int == 2)
  }

  /// `--group` must name a group of the protocol, as for `dlt`.
  @Test func unknownGroupIsRejected() throws {
    let result = try CLIRunner.run([
      "grade", "crs", "--temperature", "39", "--protocol", "NCT07470073", "--group", "Z",
    ])
    #expect(
      result.status != 0
        && result.stderr.contains("--group: expected one of NCT07470073's groups A, B, found \"Z\""),
      "\(result.stderr)")
    let alone = try CLIRunner.run(["grade", "icans", "--group", "A"])
    #expect(alone.status != 0 && alone.stderr.contains("--protocol"), "\(alone.stderr)")
    #expect(
      try json(["grade", "crs", "--temperature", "39", "--protocol", "NCT07470073", "--group", "A"])["grade"]
        as? Int == 1)
  }
}
