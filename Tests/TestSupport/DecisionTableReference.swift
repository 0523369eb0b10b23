/// A published dose-finding decision table in `dosefinding/` (FIND 0.1.1: BOIN, i3+3, mTPI-2 at
/// target 0.3): the decision E (escalate), S (stay), D (de-escalate) or DU (de-escalate and
/// eliminate the dose) after `dlts` DLTs among `patients` patients at the current dose.
public struct DecisionTableReference: Sendable, Hashable {
  /// One (n, y) entry.
  public struct Row: Sendable, Hashable {
    public var patients: Int
    public var dlts: Int
    public var decision: String
  }

  /// The rows in file order.
  public var rows: [Row]

  /// Reads `file` (columns n, y, Decision) from ``FixtureDirectory/doseFinding``.
  public init(file: String) throws {
    rows = try FixtureDirectory.doseFinding.csvRows(file).enumerated().map { index, fields in
      guard fields.count == 3, let n = Int(fields[0]), let y = Int(fields[1]), !fields[2].isEmpty else {
        throw FixtureError(file: file, line: index + 2, message: "expected n,y,decision, found \(fields)")
      }
      return Row(patients: n, dlts: y, decision: fields[2])
    }
  }

  /// The decision for (n, y), or nil when the table has no such entry.
  public func decision(patients: Int, dlts: Int) -> String? {
    rows.first { $0.patients == patients && $0.dlts == dlts }?.decision
  }

  /// n → y → decision.
  public var byPatients: [Int: [Int: String]] {
    rows.reduce(into: [:]) { table, row in table[row.patients, default: [:]][row.dlts] = row.decision }
  }
}
