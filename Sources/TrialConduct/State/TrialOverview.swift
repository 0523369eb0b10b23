import TrialModel

/// What `trial status` shows and `--format json` prints: each group with its cohorts, per-level
/// counts and the design's recommendation; each subject with status, group, level and DLT window.
/// The same value feeds the web dashboard, and is the projection cached beside the log.
public struct TrialOverview: Codable, Sendable, Hashable {
  public struct Group: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    /// `waiting`, `open` or `closed`.
    public var status: String
    /// Why the group waits or is closed.
    public var reason: String?
    public var currentLevel: Int
    public var design: String
    public var enrolled: Int
    public var maxSampleSize: Int
    public var cohorts: [Cohort]
    public var levels: [RecommendationMade.LevelTally]
    public var eliminated: [Int]
    public var recommendation: Recommendation?
  }

  /// The latest recommendation of a group and what became of it.
  public struct Recommendation: Codable, Sendable, Hashable {
    public var cohort: Int
    public var decision: String
    public var nextLevel: Int?
    public var explanation: [String]
    /// `awaitingDecision`, `confirmed` or `overridden`.
    public var status: String
    /// The level decided on, and the override's reason.
    public var decidedLevel: Int?
    public var overrideReason: String?
    /// Who decided (printed name) and when (UTC), and the signatures on the decision, each with
    /// its signer's printed name, meaning and time (21 CFR 11.50).
    public var decidedBy: String?
    public var decidedAt: String?
    public var signatures: [String]?
  }

  public struct Subject: Codable, Sendable, Hashable {
    public var id: String
    public var site: String?
    public var status: String
    public var eligibility: String?
    public var group: String?
    public var cohort: Int?
    public var level: Int?
    public var infusionDate: CalendarDate?
    /// Cells infused, and cells/kg.
    public var cells: Double?
    public var cellsPerKg: Double?
    public var dltWindowEnds: CalendarDate?
    /// Days left in the DLT window on the status date (0 once it has closed).
    public var dltDaysLeft: Int?
    public var dlt: String?
  }

  public var trial: String
  public var protocolID: String
  public var protocolHash: String
  /// Events in the log.
  public var events: Int
  /// The date the status is computed on (DLT days left are counted to it).
  public var asOf: CalendarDate
  public var groups: [Group]
  public var subjects: [Subject]

  private enum CodingKeys: String, CodingKey {
    case trial, protocolID = "protocol", protocolHash, events, asOf, groups, subjects
  }

  public init(_ state: TrialState, asOf today: CalendarDate) {
    trial = state.trial
    protocolID = state.protocolInForce.id
    protocolHash = state.protocolHash
    events = state.head
    asOf = today
    groups = state.groups.map { g in
      let opening: (String, String?) =
        switch g.opening {
        case .open: ("open", nil)
        case .waiting(let why): ("waiting", why)
        case .closed(let why): ("closed", why)
        }
      let recommendation = g.recommendation.map { r in
        let decision = g.decisions.first { $0.cohort == r.cohort }
        return Recommendation(
          cohort: r.cohort, decision: r.decision, nextLevel: r.nextLevel, explanation: r.explanation,
          status: decision == nil
            ? "awaitingDecision" : decision?.overrideReason == nil ? "confirmed" : "overridden",
          decidedLevel: decision?.level, overrideReason: decision?.overrideReason,
          decidedBy: decision?.decidedBy, decidedAt: decision.map { EventCoding.timestamp($0.decidedAt) },
          signatures: decision.map { d in (state.signatures[d.sequence] ?? []).map(\.manifestation) })
      }
      return Group(
        id: g.id, label: g.label, status: opening.0, reason: opening.1, currentLevel: g.currentLevel,
        design: state.design(forGroup: g.id)?.specification.name ?? "",
        enrolled: state.enrolledCount(group: g.id),
        maxSampleSize: state.definition(ofGroup: g.id)?.design.maxSampleSize.value ?? 0, cohorts: g.cohorts,
        levels: state.tallies(group: g.id), eliminated: g.eliminated, recommendation: recommendation)
    }
    subjects = state.orderedSubjects.map { s in
      let window = s.enrolment.map { state.dltWindowDays(group: $0.group) }
      let ends = window.flatMap { s.dltWindowEnd(windowDays: $0) }
      return Subject(
        id: s.id, site: s.site, status: s.status.rawValue, eligibility: s.eligibility?.rawValue,
        group: s.enrolment?.group ?? s.screening?.group, cohort: s.enrolment?.cohort,
        level: s.enrolment?.level,
        infusionDate: s.infusion?.date, cells: s.infusion?.dose.cells,
        cellsPerKg: s.infusion?.dose.cellsPerKg,
        dltWindowEnds: ends, dltDaysLeft: ends.map { max(0, $0.days(since: today)) },
        dlt: s.adjudication?.outcome.rawValue)
    }
  }
}
