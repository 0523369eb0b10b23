import Analysis
import Inputs

/// What a trial report is computed from: the subjects and their kinetic profiles.
public struct ReportData: Sendable, Hashable {
  /// One record per infused subject.
  public var subjects: [SubjectRecord]
  /// Concentration–time profiles; every subject must be in ``subjects``.
  public var kinetics: [KineticProfile]
  /// A name for the data set, used as the title when there is no protocol (the data directory).
  public var name: String

  /// Joins subjects and profiles.
  /// - Throws: ``InputError`` (field `subject`, at the profile's first sample) for a profile whose
  ///   subject is not among `subjects`.
  public init(subjects: [SubjectRecord], kinetics: [KineticProfile] = [], name: String) throws(InputError) {
    let known = Set(subjects.map(\.subject))
    if let stray = kinetics.first(where: { !known.contains($0.subject) }) {
      throw InputError(
        .notFound, field: "subject", expected: "a subject of the subjects file",
        found: "\"\(stray.subject)\"", location: stray.location)
    }
    self.subjects = subjects
    self.kinetics = kinetics
    self.name = name
  }
}

/// How a report derives and summarises its endpoints.
public struct ReportOptions: Sendable, Hashable {
  /// Allogeneic HSCT / new therapy: ignored (default), censored or an event, for every endpoint.
  public var transplant: EndpointDefinition.TransplantRule
  /// The scale of the survival confidence intervals (log, as R `survfit`, by default).
  public var scale: SurvivalConfidenceScale

  public init(transplant: EndpointDefinition.TransplantRule = .ignore, scale: SurvivalConfidenceScale = .log)
  {
    self.transplant = transplant
    self.scale = scale
  }
}
