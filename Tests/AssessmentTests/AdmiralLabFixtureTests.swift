import Testing
import TrialModel

@testable import Assessment

/// Rows ported from CDISC admiral's CTCAE v5.0 unit tests (pharmaverse/admiral
/// `tests/testthat/test-derive_var_atoxgr.R`): value, limits, expected grade.
/// Rows admiral leaves ungraded (missing term, unit or limit) are covered by the error tests.
struct AdmiralLabFixtureTests {
  let grader = CTCAELabGrader()

  struct Row: Sendable {
    var value: Double
    var baseline: Double?
    var limit: Double?
    var grade: Int
  }

  func check(_ term: LabTerm, _ unit: MeasurementUnit?, limit: KeyPath<LabResult, Double?>, _ rows: [Row])
    throws
  {
    for row in rows {
      var result = LabResult(term: term, value: row.value, unit: unit, baseline: row.baseline)
      if limit == \LabResult.lln { result.lln = row.limit } else { result.uln = row.limit }
      #expect(try grader.grade(result).grade == row.grade, "\(term) \(row)")
    }
  }

  /// Test 6a: anaemia, SI unit (g/L), LLN 140.
  @Test func anaemia() throws {
    let rows: [(Double, Double?, Int)] = [
      (79, 140, 3), (80, 140, 2), (99, 140, 2), (100, 140, 1), (139, 140, 1),
      (140, 140, 0), (99, nil, 2), (79, nil, 3),
    ]
    try check(.haemoglobin, .gPerL, limit: \.lln, rows.map { Row(value: $0.0, limit: $0.1, grade: $0.2) })
  }

  /// Test 12a: ALT, baseline normal (BASE = ULN = 40) and abnormal (BASE 40, ULN 39).
  @Test func alanineAminotransferase() throws {
    let normal: [(Double, Int)] = [
      (801, 4), (800, 3), (201, 3), (200, 2), (121, 2), (120, 1), (41, 1), (40, 0),
    ]
    try check(
      .alanineAminotransferase, nil, limit: \.uln,
      normal.map { Row(value: $0.0, baseline: 40, limit: 40, grade: $0.1) })
    let abnormal: [(Double, Int)] = [
      (801, 4), (800, 3), (201, 3), (200, 2), (121, 2), (120, 1), (60, 1), (59, 0),
    ]
    try check(
      .alanineAminotransferase, nil, limit: \.uln,
      abnormal.map { Row(value: $0.0, baseline: 40, limit: 39, grade: $0.1) })
  }

  /// Test 18a: bilirubin, baseline normal (BASE = ULN = 40) and abnormal (BASE 40, ULN 39).
  @Test func bilirubin() throws {
    let rows: [(Double, Int)] = [(401, 4), (400, 3), (121, 3), (120, 2), (61, 2), (60, 1), (41, 1), (40, 0)]
    try check(
      .bilirubin, .micromolPerL, limit: \.uln,
      rows.map { Row(value: $0.0, baseline: 40, limit: 40, grade: $0.1) })
    try check(
      .bilirubin, .micromolPerL, limit: \.uln,
      rows.map { Row(value: $0.0, baseline: 40, limit: 39, grade: $0.1) })
  }

  /// Test 26a: creatinine (rows flagged V5), ULN 40.
  @Test func creatinine() throws {
    let rows: [(Double, Double, Int)] = [
      (241, 241, 4), (240, 230, 3), (121, 120, 3), (120, 119, 2), (61, 60, 2), (60, 60, 1), (41, 41, 1),
      (40, 40, 0),
      (42, 6, 3), (42, 13.9, 3), (42, 14, 2), (42.1, 28, 2),
    ]
    try check(
      .creatinine, .micromolPerL, limit: \.uln,
      rows.map { Row(value: $0.0, baseline: $0.1, limit: 40, grade: $0.2) })
  }

  /// Test 28a: fibrinogen (g/L) with LLN and percentage change from baseline (PCHG).
  @Test func fibrinogen() throws {
    let rows: [(value: Double, lln: Double?, pchg: Double?, grade: Int)] = [
      (0.49, nil, nil, 4), (0.49, 1, -51, 4), (0.5, 2.1, nil, 4), (0.5, 2.1, -51, 4), (0.5, 1.1, -75, 4),
      (1, 2.1, nil, 3), (1, 2.1, -49, 3), (1, 2, -50, 3), (1.5, 2.1, nil, 2), (1.5, 2.1, -10, 2),
      (1.5, 1.6, -25, 2),
      (2, 2.1, nil, 1), (2, 2.1, 10, 1), (1.5, 1.5, 0, 0), (1.5, 1.5, -1, 0), (1.5, 1.5, nil, 0),
    ]
    try check(
      .fibrinogen, .gPerL, limit: \.lln,
      rows.map { row in
        Row(
          value: row.value, baseline: row.pchg.map { row.value / (1 + $0 / 100) }, limit: row.lln,
          grade: row.grade)
      })
  }
}
