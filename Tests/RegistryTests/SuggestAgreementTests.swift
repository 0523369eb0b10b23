import Eligibility
import Foundation
import ProtocolFiles
import Registry
import Testing
import TrialModel

/// The suggester measured on the five bundled protocols: coverage (suggested / all criteria) and
/// agreement with the hand-written expressions, "equivalent" meaning the same four-valued verdict
/// on every patient of a generated panel (``SuggestPanel``) of at least 1,000 patients.
@Suite struct SuggestAgreementTests {
  let suggester = CriteriaSuggester()

  /// The verdicts of `expression` as a criterion of `kind` on each patient.
  static func verdicts(_ expression: String, kind: CriterionKind, on patients: [PatientRecord]) throws
    -> [Verdict]
  {
    let compiled = try CriteriaCompiler.compile(
      protocolID: "panel", criteria: [Criterion(id: "C", text: "", kind: kind, expression: expression)])
    return patients.map { compiled.verdicts(of: $0)[0] }
  }

  @Test func coverageAndAgreementOnTheBundledProtocols() throws {
    let protocols = try ProtocolLibrary.bundled()
    #expect(protocols.count == 5)
    var total = 0
    var suggested = 0
    var compared = 0
    var equivalent = 0
    var perRule: [String: (suggested: Int, agreed: Int)] = [:]
    var report: [String] = []
    var panelSizes: [Int] = []
    for trial in protocols {
      for criterion in trial.criteria.all {
        total += 1
        guard
          let suggestion = suggester.suggest(
            criterion.text, isExclusion: criterion.kind == .exclusion,
            isSubItem: criterion.id.last?.isLetter == true)
        else {
          continue
        }
        suggested += 1
        perRule[suggestion.rule, default: (0, 0)].suggested += 1
        guard let handWritten = criterion.expression else {
          report.append("\(trial.id) \(criterion.id) (no hand-written expression): \(suggestion.expression)")
          continue
        }
        compared += 1
        let panel = SuggestPanel([handWritten, suggestion.expression]).patients()
        panelSizes.append(panel.count)
        let records = panel.map(\.record)
        let expected = try Self.verdicts(handWritten, kind: criterion.kind, on: records)
        let actual = try Self.verdicts(suggestion.expression, kind: criterion.kind, on: records)
        #expect(expected.count == records.count && records.count >= 1000)
        if let i = expected.indices.first(where: { expected[$0] != actual[$0] }) {
          report.append(
            """
            DISAGREE \(trial.id) \(criterion.id) [\(suggestion.rule)] "\(criterion.text)"
              hand-written: \(handWritten)
              suggested:    \(suggestion.expression)
              patient: \(panel[i].labels.joined(separator: ", ")) → hand-written \(expected[i].rawValue), suggested \(actual[i].rawValue)
            """)
        } else {
          equivalent += 1
          perRule[suggestion.rule, default: (0, 0)].agreed += 1
          report.append("agree \(trial.id) \(criterion.id) [\(suggestion.rule)]: \(suggestion.expression)")
        }
      }
    }
    let coverage = Double(suggested) / Double(total)
    let agreement = compared == 0 ? 0 : Double(equivalent) / Double(compared)
    print(
      """
      SUGGEST bundled protocols: \(total) criteria, \(suggested) suggested (coverage \(percent(coverage))), \
      \(compared) with a hand-written expression, \(equivalent) equivalent (agreement \(percent(agreement))); \
      panels of \(panelSizes.min() ?? 0)–\(panelSizes.max() ?? 0) patients
      """)
    for (rule, counts) in perRule.sorted(by: { $0.key < $1.key }) {
      print("SUGGEST   rule \(rule): \(counts.suggested) suggested, \(counts.agreed) equivalent")
    }
    for line in report { print("SUGGEST   " + line) }
    #expect(compared >= 10)
    #expect(agreement >= 0.95)
  }

  /// The panel distinguishes expressions that differ only at a threshold, so "equivalent" is not
  /// vacuous: `ecog <= 1` and `ecog < 1`, `age >= 18 years` and `age > 18 years` differ.
  @Test(arguments: [
    ("ecog <= 1", "ecog < 1"), ("age >= 18 years", "age > 18 years"),
    ("completedAge <= 65 years", "age <= 65 years"),
    ("lifeExpectancy >= 3 months", "lifeExpectancy > 3 months"),
    ("alt <= 3 ×ULN", "alt < 3 ×ULN"), ("creatinine <= 1.6 mg/dL", "creatinine <= 1.5 mg/dL"),
    ("lvef[method == echocardiography] >= 50 %", "lvef >= 50 %"), ("pregnant or lactating", "pregnant"),
    ("radiotherapy within 4 weeks before enrollment", "radiotherapy within 4 weeks before screening"),
    ("crcl >= 30 mL/min", "crcl > 30 mL/min"), ("cd19[method == flowCytometry]", "cd19"),
  ])
  func panelSeparatesNearbyExpressions(_ pair: (String, String)) throws {
    let panel = SuggestPanel([pair.0, pair.1]).patients().map(\.record)
    let a = try Self.verdicts(pair.0, kind: .inclusion, on: panel)
    let b = try Self.verdicts(pair.1, kind: .inclusion, on: panel)
    #expect(panel.count >= 1000)
    #expect(a != b)
  }

  private func percent(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
}
