/// The decision (E, S, D, DU) for every number of patients n and DLTs y at the current dose, of a
/// design that decides from those counts alone (the interval designs and 3+3).
public struct DecisionTable: Sendable, Hashable {
  /// One cell of the table.
  public struct Row: Sendable, Hashable, Codable {
    public var n: Int
    public var y: Int
    public var decision: TableDecision

    public init(n: Int, y: Int, decision: TableDecision) {
      self.n = n
      self.y = y
      self.decision = decision
    }
  }

  /// The boundaries behind a table, where the design has them (BOIN's λe and λd).
  public struct Boundaries: Sendable, Hashable, Codable {
    /// Escalate when y/n ≤ λe.
    public var escalate: Double
    /// De-escalate when y/n ≥ λd.
    public var deescalate: Double

    public init(escalate: Double, deescalate: Double) {
      self.escalate = escalate
      self.deescalate = deescalate
    }
  }

  /// Every (n, y) tabulated, by n then y.
  public var rows: [Row]
  /// The design's boundaries, when it has them.
  public var boundaries: Boundaries?

  public init(rows: [Row], boundaries: Boundaries? = nil) {
    self.rows = rows
    self.boundaries = boundaries
  }

  /// The table of `decide` over the given numbers of patients, y = 0…n each.
  public init(
    patients: some Sequence<Int>, boundaries: Boundaries? = nil,
    _ decide: (_ n: Int, _ y: Int) -> TableDecision
  ) {
    self.init(
      rows: patients.flatMap { n in (0...n).map { Row(n: n, y: $0, decision: decide(n, $0)) } },
      boundaries: boundaries)
  }
}
