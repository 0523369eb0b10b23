import Analysis
import Inputs
import TrialModel

/// The computed content of a trial report, before any rendering: who it covers, the endpoints and
/// their outcomes, and the kinetics. ``ReportPage`` renders it as HTML; a server can render the
/// same value.
public struct TrialReport: Sendable {
  /// One time-to-event endpoint and each evaluable subject's outcome.
  public struct EndpointResult: Sendable {
    public let definition: EndpointDefinition
    public let outcomes: [EndpointOutcome]
  }

  /// The protocol, when the report is for one.
  public let trial: TrialProtocol?
  /// The data set's name (the title without a protocol).
  public let dataName: String
  /// The subjects covered (one group's with a group) and their level rows.
  public let scope: ReportScope
  /// The covered subjects' kinetic profiles.
  public let kinetics: [KineticProfile]
  /// The protocol's time-to-event endpoints (the standard four without a protocol).
  public let endpoints: [EndpointResult]
  /// The ORR window (days after infusion) of the protocol's ORR endpoint, if any.
  public let responseWindow: Int?
  /// The NCA partial-AUC interval.
  public let ncaInterval: NCAInterval
  public let options: ReportOptions

  /// Computes the report of `data` for `trial`'s `group` (every group when `nil`).
  /// - Throws: ``InputError``: an unknown group (field `group`), subjects that do not fit the
  ///   protocol (see ``ReportScope``), or a subject whose endpoint cannot be derived (located at
  ///   the subject's record).
  public init(
    data: ReportData, trial: TrialProtocol?, group: String?, options: ReportOptions = ReportOptions()
  ) throws(InputError) {
    let scope = try ReportScope(subjects: data.subjects, trial: trial, group: group)
    let window = trial?.responseWindow.value
    let covered = Set(scope.subjects.map(\.subject))
    self.trial = trial
    self.dataName = data.name
    self.scope = scope
    self.kinetics = data.kinetics.filter { covered.contains($0.subject) }
    self.responseWindow = window
    self.ncaInterval = NCAInterval(trial: trial)
    self.options = options
    var endpoints: [EndpointResult] = []
    for var definition in EndpointDefinition.endpoints(of: trial) {
      definition.transplant = options.transplant
      var outcomes: [EndpointOutcome] = []
      for subject in scope.subjects {
        do {
          if let outcome = try definition.derive(for: Self.course(subject, window: window)) {
            outcomes.append(outcome)
          }
        } catch {
          throw InputError(
            .missing, field: "", expected: "dates enough to derive \(definition.name)",
            found: "\(error)", location: subject.location)
        }
      }
      endpoints.append(EndpointResult(definition: definition, outcomes: outcomes))
    }
    self.endpoints = endpoints
  }

  /// The subject's course as the endpoints read it: a first CR/CRi after the protocol's response
  /// window does not make a responder (ORR, DOR and RFS populations), and EFS then counts a
  /// treatment failure (ELIANA-style; Maude et al., NEJM 2018).
  public static func course(_ subject: SubjectRecord, window: Int?) -> SubjectCourse {
    var course = subject.course
    if let window, let date = course.firstResponse, let infusion = course.infusion,
      date.days(since: infusion) > window
    {
      course.firstResponse = nil
    }
    return course
  }

  /// Whether `subject` responded (CR/CRi) within the response window.
  public func responded(_ subject: SubjectRecord) -> Bool {
    Self.course(subject, window: responseWindow).firstResponse != nil
  }

  /// The ORR of `subjects` (responders within the window) with its exact 95% CI; `nil` when empty.
  public func remissionRate(_ subjects: [SubjectRecord]) -> ProportionInterval? {
    guard !subjects.isEmpty else { return nil }
    return ProportionInterval.clopperPearson(
      successes: subjects.filter(responded).count, trials: subjects.count)
  }

  /// The NCA options of the report: PKNCA defaults over ``ncaInterval``.
  public var ncaOptions: NCAOptions { NCAOptions(interval: ncaInterval.days) }
}
