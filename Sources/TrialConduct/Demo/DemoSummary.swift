/// What a demo trial came to: how many subjects went how far, and how each group ended.
public struct DemoSummary: Sendable, Hashable, Codable {
  /// How one group ended.
  public struct Group: Sendable, Hashable, Codable {
    public var id: String
    public var cohorts: Int
    public var decidedCohorts: Int
    /// The level the next cohort would go to.
    public var currentLevel: Int
    /// `open`, `waiting: …` or `closed: …`.
    public var status: String
  }

  public var trial: String
  public var screened: Int
  /// Screened and not eligible (a criterion not met, or missing).
  public var ineligible: Int
  public var enrolled: Int
  public var infused: Int
  public var dlts: Int
  /// Recommendations confirmed or overridden.
  public var decisions: Int
  public var overrides: Int
  /// Events in the log, the opening included.
  public var events: Int
  public var groups: [Group]
}

extension DemoSummary {
  /// The counts of `state`.
  init(_ state: TrialState) {
    let subjects = state.orderedSubjects
    trial = state.trial
    screened = subjects.count
    ineligible = subjects.filter { [.ineligible, .incomplete].contains($0.eligibility) }.count
    enrolled = subjects.filter { $0.enrolment != nil }.count
    infused = subjects.filter { $0.infusion != nil }.count
    dlts = subjects.filter { $0.adjudication?.outcome == .dlt }.count
    decisions = state.groups.reduce(0) { $0 + $1.decisions.count }
    overrides = state.groups.reduce(0) { $0 + $1.decisions.filter { $0.overrideReason != nil }.count }
    events = state.head
    groups = state.groups.map { g in
      let status: String
      switch g.opening {
      case .open: status = "open"
      case .waiting(let why): status = "waiting: \(why)"
      case .closed(let why): status = "closed: \(why)"
      }
      return Group(
        id: g.id, cohorts: g.cohorts.count, decidedCohorts: g.cohorts.filter { $0.status == .decided }.count,
        currentLevel: g.currentLevel, status: status)
    }
  }
}
