import Foundation
import Inputs
import Testing
import TrialModel

@testable import Assessment

/// CTCAE v5.0 boundaries (NCI 2017) at every cut-off, in conventional and SI units.
/// Expected grades come from the CTCAE criteria text, read with admiral's "<A–B means B ≤ x < A".
struct CTCAELabGraderTests {
  let grader = CTCAELabGrader()

  /// (value, expected grade) pairs for one term, one unit and fixed limits.
  struct Table: Sendable, CustomStringConvertible {
    var term: LabTerm
    var unit: MeasurementUnit?
    var lln: Double? = nil
    var uln: Double? = nil
    var baseline: Double? = nil
    var cases: [(Double, Int)]
    var description: String {
      "\(term.rawValue) \(unit?.rawValue ?? "-") baseline \(baseline.map { "\($0)" } ?? "-")"
    }
  }

  static let tables: [Table] = [
    // Neutrophils: <500 g4, <1000 g3, <1500 g2, <LLN g1.
    Table(
      term: .neutrophils, unit: .perMicrolitre, lln: 2000,
      cases: [(499, 4), (500, 3), (999, 3), (1000, 2), (1499, 2), (1500, 1), (1999, 1), (2000, 0)]),
    Table(
      term: .neutrophils, unit: .gigaPerLitre, lln: 2.0,
      cases: [(0.499, 4), (0.5, 3), (0.999, 3), (1.0, 2), (1.499, 2), (1.5, 1), (1.999, 1), (2.0, 0)]),
    // LLN below the grade-2 cut-off: values at or above 1500 are grade 0.
    Table(term: .neutrophils, unit: .perMicrolitre, lln: 1400, cases: [(1450, 2), (1500, 0)]),
    Table(
      term: .platelets, unit: .perMicrolitre, lln: 150_000,
      cases: [
        (24_999, 4), (25_000, 3), (49_999, 3), (50_000, 2), (74_999, 2), (75_000, 1), (149_999, 1),
        (150_000, 0),
      ]),
    Table(
      term: .platelets, unit: .gigaPerLitre, lln: 150,
      cases: [(24.9, 4), (25, 3), (49.9, 3), (50, 2), (74.9, 2), (75, 1), (149, 1), (150, 0)]),
    Table(
      term: .whiteBloodCells, unit: .perMicrolitre, lln: 4000,
      cases: [(999, 4), (1000, 3), (1999, 3), (2000, 2), (2999, 2), (3000, 1), (3999, 1), (4000, 0)]),
    Table(
      term: .whiteBloodCells, unit: .gigaPerLitre, lln: 4.0,
      cases: [(0.99, 4), (1.0, 3), (1.99, 3), (2.0, 2), (2.99, 2), (3.0, 1), (3.99, 1), (4.0, 0)]),
    Table(
      term: .lymphocytes, unit: .perMicrolitre, lln: 1000,
      cases: [(199, 4), (200, 3), (499, 3), (500, 2), (799, 2), (800, 1), (999, 1), (1000, 0)]),
    Table(
      term: .lymphocytes, unit: .gigaPerLitre, lln: 1.0,
      cases: [(0.19, 4), (0.2, 3), (0.49, 3), (0.5, 2), (0.79, 2), (0.8, 1), (0.99, 1), (1.0, 0)]),
    // Anaemia: admiral's SI table (LLN 140 g/L) and its g/dL twin.
    Table(
      term: .haemoglobin, unit: .gPerL, lln: 140,
      cases: [(79, 3), (80, 2), (99, 2), (100, 1), (139, 1), (140, 0)]),
    Table(
      term: .haemoglobin, unit: .gPerDL, lln: 14,
      cases: [(7.9, 3), (8.0, 2), (9.9, 2), (10.0, 1), (13.9, 1), (14.0, 0)]),
    // ALT/AST, baseline normal: >ULN g1, >3 g2, >5 g3, >20 × ULN g4.
    Table(
      term: .alanineAminotransferase, unit: nil, uln: 40, baseline: 30,
      cases: [(40, 0), (41, 1), (120, 1), (121, 2), (200, 2), (201, 3), (800, 3), (801, 4)]),
    // Baseline above ULN: 1.5–3 × baseline g1 (values between ULN and 1.5 × baseline are grade 0).
    Table(
      term: .aspartateAminotransferase, unit: nil, uln: 40, baseline: 60,
      cases: [(89, 0), (90, 1), (180, 1), (181, 2), (300, 2), (301, 3), (1200, 3), (1201, 4)]),
    Table(
      term: .alanineAminotransferase, unit: .timesULN,
      cases: [(1, 0), (1.1, 1), (3, 1), (3.5, 2), (5.5, 3), (21, 4)]),
    // Bilirubin, baseline normal: >ULN, >1.5, >3, >10 × ULN.
    Table(
      term: .bilirubin, unit: .mgPerDL, uln: 1.0, baseline: 0.5,
      cases: [(1.0, 0), (1.01, 1), (1.5, 1), (1.51, 2), (3.0, 2), (3.01, 3), (10.0, 3), (10.01, 4)]),
    Table(
      term: .bilirubin, unit: .micromolPerL, uln: 21,
      cases: [(21, 0), (22, 1), (31.5, 1), (32, 2), (63, 2), (64, 3), (210, 3), (211, 4)]),
    // Bilirubin, baseline above ULN: >1.0, >1.5, >3, >10 × baseline.
    Table(
      term: .bilirubin, unit: .micromolPerL, uln: 21, baseline: 30,
      cases: [(30, 0), (31, 1), (45, 1), (46, 2), (90, 2), (91, 3), (300, 3), (301, 4)]),
    // Creatinine: worst of × ULN and × baseline for grades 2–3; grade 4 by ULN only.
    Table(
      term: .creatinine, unit: .mgPerDL, uln: 1.0, baseline: 0.8,
      cases: [(1.0, 0), (1.1, 1), (1.21, 2), (2.4, 2), (2.41, 3), (6.0, 3), (6.01, 4)]),
    Table(
      term: .creatinine, unit: .micromolPerL, uln: 90, baseline: 70,
      cases: [(90, 0), (91, 1), (105, 1), (106, 2), (210, 2), (211, 3), (540, 3), (541, 4)]),
    Table(term: .creatinine, unit: .mgPerDL, uln: 1.0, baseline: 0.4, cases: [(0.6, 0), (0.7, 2), (1.3, 3)]),
    // Fibrinogen, baseline normal: <1, <0.75, <0.5, <0.25 × LLN; any value < 50 mg/dL is grade 4.
    Table(
      term: .fibrinogen, unit: .mgPerDL, lln: 200,
      cases: [(200, 0), (199, 1), (150, 1), (149, 2), (100, 2), (99, 3), (50, 3), (49, 4)]),
    Table(
      term: .fibrinogen, unit: .gPerL, lln: 2.0,
      cases: [(2.0, 0), (1.99, 1), (1.5, 1), (1.49, 2), (1.0, 2), (0.99, 3), (0.5, 3), (0.49, 4)]),
  ]

  @Test(arguments: tables)
  func boundaries(_ table: Table) throws {
    for (value, expected) in table.cases {
      let result = LabResult(
        term: table.term, value: value, unit: table.unit, lln: table.lln, uln: table.uln,
        baseline: table.baseline)
      #expect(try grader.grade(result).grade == expected, "\(table) value \(value)")
    }
  }

  @Test func missingLimitsAreNamed() {
    let noLLN = LabResult(term: .neutrophils, value: 1600, unit: .perMicrolitre)
    #expect { try grader.grade(noLLN) } throws: { ($0 as? InputError)?.field == "lln" }
    // Below every fixed cut-off the LLN is not needed.
    #expect(throws: Never.self) {
      try grader.grade(LabResult(term: .neutrophils, value: 400, unit: .perMicrolitre))
    }
    let noULN = LabResult(term: .creatinine, value: 2, unit: .mgPerDL)
    #expect { try grader.grade(noULN) } throws: { ($0 as? InputError)?.field == "uln" }
  }

  @Test func wrongDimensionAndNegativeValuesAreRejected() {
    let wrongUnit = LabResult(term: .neutrophils, value: 1, unit: .mgPerDL, lln: 2)
    #expect { try grader.grade(wrongUnit) } throws: { ($0 as? InputError)?.field == "unit" }
    let negative = LabResult(term: .platelets, value: -5, unit: .gigaPerLitre, lln: 150)
    #expect { try grader.grade(negative) } throws: { ($0 as? InputError)?.field == "value" }
  }

  @Test func decodesAliasesAndRejectsUnknownTermsAndUnits() throws {
    let json = #"{"term": "ANC", "value": 0.4, "unit": "x10^9/L", "lln": 1.8}"#
    let result = try LabResult(jsonText: json)
    #expect(result.term == .neutrophils && result.unit == .gigaPerLitre)
    #expect(try grader.grade(result).grade == 4)
    let bad = [
      (#"{"term": "sodium", "value": 1}"#, "term", "expected one of neutrophils, platelets"),
      (#"{"term": "ANC", "value": 1, "unit": "furlongs"}"#, "unit", #"found "furlongs""#),
      (#"{"term": "ANC"}"#, "value", "found nothing"),
    ]
    for (json, field, message) in bad {
      #expect {
        try LabResult(jsonText: json, file: "lab.json")
      } throws: { error in
        let error = error as? InputError
        return error?.field == field && error?.message.contains(message) == true && error?.location?.line == 1
      }
    }
  }

  @Test func reasonNamesTheTermAndCriterion() throws {
    let result = try grader.grade(LabResult(term: .neutrophils, value: 400, unit: .perMicrolitre))
    #expect(result.reasons.first == "Neutrophil count decreased: 400 /µL < 500 /µL")
  }
}
