import DoseFinding
import Inputs

/// A design's decision table for every (n, y): what `table` prints and the API returns.
public struct TableAnswer: Sendable, Encodable {
  public var header: DesignHeader
  /// The target DLT rate, for designs that use one.
  public var target: Double?
  /// The largest n tabulated.
  public var maxN: Int
  /// The boundaries behind the table (BOIN's λe, λd).
  public var boundaries: DecisionTable.Boundaries?
  public var rows: [DecisionTable.Row]

  enum Keys: String, CodingKey { case target, maxN, boundaries, rows }

  public func encode(to encoder: any Encoder) throws {
    try header.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encodeIfPresent(target, forKey: .target)
    try c.encode(maxN, forKey: .maxN)
    try c.encodeIfPresent(boundaries, forKey: .boundaries)
    try c.encode(rows, forKey: .rows)
  }
}

extension TrialDesign {
  /// The largest n a table may have: (n + 1)(n + 2)/2 rows stay small enough to print and send.
  public static let tableLimit = 1000

  /// The decision table up to `maxPatients` (default: the design's maximum sample size; a table
  /// that does not depend on it, as 3+3's, needs neither).
  ///
  /// Field names in errors: `maxSampleSize`, `design`.
  public func table(maxPatients: Int? = nil) throws(InputError) -> TableAnswer {
    guard let probe = design.decisionTable(maxPatients: 1) else {
      throw InputError(
        .invalidValue, field: "design",
        expected:
          "a design with a decision table (\(specification.name) decides from all doses; use a decision)",
        found: "\"\(specification.name)\"")
    }
    let fixed = design.decisionTable(maxPatients: 2) == probe
    guard let maxN = maxPatients ?? setup.maxSampleSize ?? (fixed ? probe.rows.map(\.n).max() : nil) else {
      throw InputError.missing(
        "maxSampleSize", expected: "the largest number of patients at a dose to tabulate")
    }
    guard maxN >= 1 && maxN <= Self.tableLimit else {
      throw InputError(
        maxN < 1 ? .invalidValue : .limitExceeded, field: "maxSampleSize",
        expected: "a table size from 1 to \(Self.tableLimit) patients", found: "\(maxN)")
    }
    let table = design.decisionTable(maxPatients: maxN)!
    return TableAnswer(
      header: DesignHeader(self), target: specification.usesTarget ? setup.target : nil,
      maxN: fixed ? (table.rows.map(\.n).max() ?? maxN) : maxN, boundaries: table.boundaries, rows: table.rows
    )
  }
}
