import Foundation
import Inputs
import ProtocolFiles
import TestSupport
import Testing
import TrialModel

@testable import Eligibility

/// Random expressions and random patient JSON never crash the parser, type checker or
/// evaluator: each input either compiles/parses or yields an error that points into the input
/// (see ``ExpressionErrorPlacement`` and ``RecordErrorPlacement``).
@Suite struct FuzzTests {
  private static let fragments: [String] = [
    "age", "crcl", "creatinine", "alt", "ecog", "lansky", "karnofsky", "sex", "female", "cnsStatus", "cns3",
    "hsct", "steroid", "cd19", "pregnant", "viral.hbsag", "lifeExpectancy", "bsa.mosteller", "completedAge",
    "lanskyAgeLimit", "marrowBlasts", "and", "or", "not", "if", "then", "else", "within", "before",
    "infusion", "consent", "screening", "ever(", "since(", "any(", "(", ")", "[", "]", ",", "dose", "grade",
    "<", "<=", ">", ">=", "==", "!=", "≥", "18", "1.6", "3", "0", "1e400", "-", "years", "days", "weeks",
    "months", "mg/dL", "µmol/L", "×ULN", "%", "mL/min", "m²", "kg", "true", "false", "$", "\"", "é", "",
  ]

  private static func randomExpression(_ rng: inout SeededGenerator) -> String {
    let count = Int.random(in: 1...14, using: &rng)
    return (0..<count).map { _ in fragments.randomElement(using: &rng)! }
      .joined(separator: Bool.random(using: &rng) ? " " : "")
  }

  @Test func randomExpressionsNeverCrash() throws {
    var rng = SeededGenerator(seed: 20_261_120)
    let patient = try record(examplePatientJSON)
    let compiler = ExpressionCompiler(settings: EligibilitySettings())
    var compiled = 0
    var rejected = 0
    for _ in 0..<4_000 {
      let text = Self.randomExpression(&rng)
      let node: Node
      do {
        node = try compiler.compile(text)
      } catch {
        rejected += 1
        let problems = ExpressionErrorPlacement.problems(error, in: text)
        #expect(problems.isEmpty, "\(text): \(error): \(problems)")
        continue
      }
      compiled += 1
      // What the expression compiler accepts compiles as a criterion too (a CriteriaError here
      // fails the test), and screening agrees with the fast status path.
      let c = try criteria([("I1", text)])
      #expect(c.criteria.map(\.node) == [node])
      let report = c.screen(patient)
      #expect(report.criteria.count == 1)
      #expect(c.status(of: patient) == report.status)
    }
    #expect(compiled > 20)  // the generator does reach the evaluator
    #expect(rejected > 20)  // and the error paths
  }

  @Test func deeplyNestedExpressionsAreRejectedNotOverflowed() {
    let text = String(repeating: "(", count: 10_000) + "consent" + String(repeating: ")", count: 10_000)
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: EligibilitySettings()).compile(text)
    }
    let nots = String(repeating: "not ", count: 10_000) + "consent"
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: EligibilitySettings()).compile(nots)
    }
  }

  private static let jsonValues: [String] = [
    "null", "true", "false", "0", "-1", "1e308", "\"\"", "\"2026-02-30\"", "\"2030-01-01\"", "\"x\"", "[]",
    "{}",
    "[{}]", "{\"value\": -3}", "{\"value\": 1, \"unit\": \"parsecs\"}", "\"positive\"", "\"CNS9\"", "12.5",
  ]

  @Test func randomPatientJSONNeverCrashes() throws {
    var rng = SeededGenerator(seed: 42)
    let trials = try ProtocolLibrary.bundled().map { try CriteriaCompiler.compile($0) }
    let original = Array(examplePatientJSON.utf8)
    var parsed = 0
    var rejected = 0
    for round in 0..<1_000 {
      var bytes = original
      if round % 3 == 0 {
        // byte-level damage
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
          let i = Int.random(in: 0..<bytes.count, using: &rng)
          bytes[i] = UInt8.random(in: 32...126, using: &rng)
        }
      } else {
        // replace one JSON value (text after a colon up to the next , or }) with a random one
        var text = String(decoding: bytes, as: UTF8.self)
        let colons = text.indices.filter { text[$0] == ":" }
        let at = colons.randomElement(using: &rng)!
        let start = text.index(after: at)
        let end = text[start...].firstIndex { $0 == "," || $0 == "}" || $0 == "\n" } ?? text.endIndex
        text.replaceSubrange(start..<end, with: " " + Self.jsonValues.randomElement(using: &rng)!)
        bytes = Array(text.utf8)
      }
      do {
        let mutated = String(decoding: bytes, as: UTF8.self)
        let patient = try PatientRecord(
          json: Data(bytes),
          screeningDate: mutated.contains("\"screeningDate\"") ? nil : CivilDate(iso: "2026-11-20"))
        parsed += 1
        for trial in trials {
          let report = trial.screen(patient)
          #expect(report.status == trial.status(of: patient))
        }
      } catch {
        rejected += 1
        let text = String(decoding: bytes, as: UTF8.self)
        let problems = RecordErrorPlacement.problems(error, in: text)
        #expect(problems.isEmpty, "\(error): \(problems)")
      }
    }
    #expect(parsed > 30)
    #expect(rejected > 30)
  }
}
