/// A grade with the findings that decided it, in words a clinician can check.
public struct GradeResult: Sendable, Hashable, Codable {
  /// The grade (0 = none).
  public var grade: Int
  /// The grading system, e.g. `ASTCT 2019 CRS` or `CTCAE v5.0`.
  public var system: String
  /// Why: the deciding finding first, then other findings and notes (ignored findings, defaults).
  public var reasons: [String]

  public init(grade: Int, system: String, reasons: [String]) {
    self.grade = grade
    self.system = system
    self.reasons = reasons
  }
}

/// A graded domain (one row of a grading table) and what it contributed.
struct DomainGrade {
  var grade: Int
  var finding: String
}

extension Array where Element == DomainGrade {
  /// Worst domain wins; its finding is listed first, then the other positive findings.
  func worst(system: String, notes: [String]) -> GradeResult {
    let positive = filter { $0.grade > 0 }.sorted { $0.grade > $1.grade }
    guard let top = positive.first else {
      return GradeResult(grade: 0, system: system, reasons: map(\.finding) + notes)
    }
    return GradeResult(grade: top.grade, system: system, reasons: positive.map(\.finding) + notes)
  }
}
