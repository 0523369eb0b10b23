/// Who recorded an event: a person's name, the role they acted in and their site.
///
/// Every event carries its actor, as an audit trail must (21 CFR 11.10(e)); the system itself acts
/// as `system` when it records what follows from others' events (the design's recommendation).
public struct Actor: Codable, Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var role: Role
  /// The site the actor works for; `nil` for sponsor-wide roles (statistician, monitor, system).
  public var site: String?

  public init(name: String, role: Role, site: String? = nil) {
    self.name = name
    self.role = role
    self.site = site
  }

  /// The system, recording what follows from the events (e.g. the design's recommendation).
  public static let system = Actor(name: "cartrial", role: .system)

  /// `A. Coordinator (coordinator, BJ-01)`.
  public var description: String { "\(name) (\(role.rawValue)\(site.map { ", \($0)" } ?? ""))" }
}

/// The roles of people who run a trial.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
  /// Screens, enrols, records lymphodepletion, infusion, assessments and samples.
  case coordinator
  /// Attests criteria, adjudicates DLTs, confirms or overrides dose decisions, signs.
  case investigator
  /// The safety review committee: reviews and confirms dose decisions.
  case safetyReviewer
  /// Designs the trial; reads everything.
  case statistician
  /// Reads everything and verifies the audit trail; records nothing but signatures of review.
  case monitor
  /// Opens trials, activates sites, manages users.
  case administrator
  /// cartrial itself.
  case system
}
