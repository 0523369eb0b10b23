import Foundation
import TestSupport
import Testing

/// Random command lines per command family, valid and invalid options mixed (seeded), run in
/// process as the binary runs them: none may trap (a trap ends the test process), every failure
/// is in the one error style with no Swift or Foundation internals, and every command line with a
/// value known to be invalid fails.
@Suite struct CommandPropertyTests {
  /// One option: values that are valid for it, and values that are invalid wherever it is taken.
  struct Option: Sendable {
    var name: String
    var valid: [String]
    var invalid: [String]
    /// A flag takes no value (`valid` and `invalid` are then ignored).
    var flag = false
  }

  /// A command family: command lines that work, and the options to mix into them.
  struct Family: Sendable, CustomTestStringConvertible {
    var name: String
    var commands: [[String]]
    var options: [Option]
    var testDescription: String { name }
  }

  static let unknown = Option(name: "--desing", valid: [], invalid: ["boin"])

  static let design = Family(
    name: "design",
    commands: [
      ["decide", "--design", "boin", "--target", "0.3", "--current", "1", "--counts", "3/0,3/1"],
      ["decide", "--protocol", "NCT07470073", "--group", "A", "--current", "1", "--counts", "0/0,3/1"],
      ["table", "--design", "i3+3", "--target", "0.3", "--max-n", "9"],
      ["mtd", "--design", "crm", "--target", "0.3", "--skeleton", "0.1,0.2,0.3", "--counts", "3/0,3/1,3/2"],
      ["oc", "--design", "boin", "--target", "0.3", "--truth", "0.1,0.3", "--cohorts", "4", "--exact"],
      ["oc", "--design", "3+3", "--truth", "0.1,0.3,0.5", "--cohorts", "4", "--simulate", "20"],
      ["skeleton", "--halfwidth", "0.05", "--target", "0.3", "--prior-mtd", "2", "--doses", "4"],
    ],
    options: [
      Option(
        name: "--design", valid: ["boin", "i3+3", "mtpi2", "3+3", "crm"], invalid: ["bion", "", "3+4"]),
      Option(name: "--target", valid: ["0.25", "0.3"], invalid: ["0", "1", "abc", "1e308", "nan", "-0.2"]),
      Option(name: "--current", valid: ["1", "2"], invalid: ["0", "99999999999999999999", "x"]),
      Option(
        name: "--counts", valid: ["3/0", "3/1,3/2", "0/0,6/1"],
        invalid: ["3/4", "x", "4294967296/0", "9223372036854775807/0", "/", "3/-1", "1/0/0"]),
      Option(name: "--max-n", valid: ["12", "18"], invalid: ["0", "100000", "9223372036854775807", "-3"]),
      Option(name: "--cohort-size", valid: ["1", "3"], invalid: ["0", "66", "9223372036854775807"]),
      Option(name: "--doses", valid: ["3", "5"], invalid: ["0", "21", "-1"]),
      Option(name: "--skeleton", valid: ["0.1,0.2,0.3"], invalid: ["0.3,0.2", "1,2", "0,0.5", ","]),
      Option(name: "--truth", valid: ["0.1,0.3", "0.05,0.2,0.4"], invalid: ["2,3", "x", "0.1,,0.2"]),
      Option(name: "--cohorts", valid: ["2", "4"], invalid: ["0", "1000", "-1"]),
      Option(name: "--exact", valid: [], invalid: [], flag: true),
      Option(name: "--simulate", valid: ["20"], invalid: ["1", "0", "100000000000"]),
      Option(name: "--format", valid: ["text", "json", "csv"], invalid: ["xml", "TEXT"]),
      Option(name: "--set", valid: ["phi1=0.2"], invalid: ["foo=1", "phi1=x", "=", "phi1"]),
      Option(name: "--protocol", valid: ["NCT07470073"], invalid: ["NCT0", "Examples"]),
      Option(name: "--group", valid: ["A"], invalid: ["Z"]),
      Option(name: "--halfwidth", valid: ["0.05"], invalid: ["0", "0.5"]),
      Option(name: "--prior-mtd", valid: ["2"], invalid: ["0", "30"]),
      unknown,
    ])

  static let screening = Family(
    name: "screening",
    commands: [
      ["screen", "--patient", "Examples/patients/P-0001.json", "--all"],
      ["screen", "--patient", "Examples/patients/P-0001.json", "--protocol", "NCT07470073"],
      ["screen", "--patients", "Examples/patients/batch.ndjson", "--all", "--format", "ndjson"],
      ["protocol", "criteria", "NCT05270772"], ["protocol", "show", "NCT07470073"],
    ],
    options: [
      Option(
        name: "--patient", valid: ["Examples/patients/P-0001.json"],
        invalid: ["no/such.json", "Examples", "Examples/patients/batch.ndjson"]),
      Option(name: "--patients", valid: ["Examples/patients/batch.ndjson"], invalid: ["Examples"]),
      Option(name: "--protocol", valid: ["NCT04825496", "NCT07470073"], invalid: ["NCT0", "Examples"]),
      Option(name: "--group", valid: ["A"], invalid: ["Z"]),
      Option(name: "--all", valid: [], invalid: [], flag: true),
      Option(name: "--on", valid: ["2026-11-20"], invalid: ["2026-13-01", "yesterday", "2026-02-30"]),
      Option(name: "--format", valid: ["text", "json", "ndjson"], invalid: ["xml"]),
      unknown,
    ])

  static let assessment = Family(
    name: "assessment",
    commands: [
      ["grade", "crs", "--temperature", "38.5", "--vasopressors", "1", "--oxygen", "nasalCannula"],
      ["grade", "icans", "--input", "Examples/observations/icans.json"],
      ["grade", "icans", "--ice", "3", "--age", "30"],
      ["grade", "lab", "--term", "creatinine", "--value", "300", "--unit", "umol/L", "--uln", "90"],
      ["dose", "--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "62"],
      ["dlt", "--protocol", "NCT05350787", "--subject", "Examples/subjects/S-03.json"],
      ["response", "--protocol", "NCT05350787", "--subject", "Examples/subjects/cohort.json"],
    ],
    options: [
      Option(name: "--temperature", valid: ["38.5", "39"], invalid: ["abc"]),
      Option(name: "--vasopressors", valid: ["0", "1"], invalid: ["-1", "x"]),
      Option(name: "--oxygen", valid: ["nasalCannula", "none"], invalid: ["lots"]),
      Option(name: "--ice", valid: ["3", "10"], invalid: ["11", "-1", "x"]),
      Option(name: "--age", valid: ["30"], invalid: ["-3", "x"]),
      Option(name: "--term", valid: ["ANC", "creatinine"], invalid: ["spleen"]),
      Option(name: "--value", valid: ["0.4", "300"], invalid: ["x"]),
      Option(name: "--unit", valid: ["x10^9/L", "umol/L"], invalid: ["furlongs"]),
      Option(name: "--uln", valid: ["90"], invalid: ["x"]),
      Option(
        name: "--input", valid: ["Examples/observations/icans.json"], invalid: ["Examples", "no/such.json"]),
      Option(name: "--protocol", valid: ["NCT07470073", "NCT05350787"], invalid: ["NCT0"]),
      Option(name: "--group", valid: ["B"], invalid: ["Z"]),
      Option(name: "--level", valid: ["1", "2"], invalid: ["0", "99", "x"]),
      Option(name: "--weight-kg", valid: ["62"], invalid: ["0", "x", "1e400"]),
      Option(
        name: "--subject", valid: ["Examples/subjects/S-03.json", "Examples/subjects/cohort.json"],
        invalid: ["Examples", "no/such.json"]),
      Option(name: "--format", valid: ["text", "json"], invalid: ["xml"]),
      unknown,
    ])

  static let analysis = Family(
    name: "analysis",
    commands: [
      ["km", "--input", "Tests/Fixtures/reference/clinical/gehan.csv", "--time", "time", "--event", "cens"],
      ["nca", "--input", "Examples/report-data/kinetics.csv"],
      ["kinetics", "fit", "--input", "Examples/report-data/kinetics.csv"],
    ],
    options: [
      Option(
        name: "--input",
        valid: ["Examples/report-data/kinetics.csv", "Tests/Fixtures/reference/clinical/gehan.csv"],
        invalid: ["Examples", "no/such.csv", "Examples/patients/P-0001.json"]),
      Option(name: "--time", valid: ["time"], invalid: []),
      Option(name: "--event", valid: ["cens"], invalid: []),
      Option(name: "--group", valid: ["treat"], invalid: []),
      Option(name: "--at", valid: ["10", "5,10"], invalid: ["-1", "x"]),
      Option(name: "--conf-type", valid: ["log", "log-log"], invalid: ["plain2"]),
      Option(name: "--conf-level", valid: ["0.95"], invalid: ["0", "1", "x"]),
      Option(name: "--lloq", valid: ["1"], invalid: ["0", "-1"]),
      Option(name: "--interval", valid: ["0,28"], invalid: ["28,0", "x"]),
      Option(name: "--format", valid: ["text", "json", "csv"], invalid: ["xml"]),
      unknown,
    ])

  /// Command lines drawn for `family`: one of its working lines with up to three options set
  /// (a value replaced, or the option added), and whether one of them is a known invalid value.
  static func commandLines(_ family: Family, count: Int, seed: UInt64) -> [(
    arguments: [String], invalid: Bool
  )] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      var arguments = family.commands.randomElement(using: &generator)!
      var invalid = false
      for option in family.options.shuffled(using: &generator).prefix(
        Int.random(in: 0...3, using: &generator))
      {
        let existing = arguments.firstIndex(of: option.name)
        if option.flag {
          if existing == nil { arguments.append(option.name) }
          continue
        }
        let bad = option.valid.isEmpty || (!option.invalid.isEmpty && Bool.random(using: &generator))
        let pool = bad ? option.invalid : option.valid
        guard let value = pool.randomElement(using: &generator) else { continue }
        if bad { invalid = true }
        if let existing, existing + 1 < arguments.count {
          arguments[existing + 1] = value
        } else {
          arguments += [option.name, value]
        }
      }
      return (arguments, invalid)
    }
  }

  @Test(arguments: [design, screening, assessment, analysis])
  func randomCommandLinesFailOnlyInTheOneStyle(_ family: Family) {
    var failures = 0
    var successes = 0
    for (arguments, invalid) in Self.commandLines(family, count: 150, seed: 11) {
      let run = CLIRun(arguments)
      let line = arguments.joined(separator: " ")
      if run.status == 0 {
        successes += 1
        #expect(!invalid, "accepted an invalid value: cartrial \(line)")
        #expect(!run.stdout.isEmpty, "cartrial \(line) printed nothing")
        #expect(!run.stderr.contains("error"), "cartrial \(line): \(run.stderr)")
        continue
      }
      failures += 1
      let lines = run.errorLines
      #expect(!lines.isEmpty, "cartrial \(line) failed silently")
      #expect(lines.first?.hasPrefix("cartrial: error: ") == true, "cartrial \(line): \(run.stderr)")
      for text in lines {
        #expect(
          text.hasPrefix("cartrial: error: ") || text.hasPrefix("cartrial: note: "),
          "cartrial \(line): \(text)")
      }
      for name in CLIRun.internals {
        #expect(!run.stderr.contains(name), "cartrial \(line) shows \(name): \(run.stderr)")
      }
    }
    // The mix exercises both sides.
    #expect(failures > 20)
    #expect(successes > 10)
  }
}
