import Inputs
import TrialModel

extension EventBody {
  /// One line for the audit log: `S-003 enrolled in group A cohort 2 at level 1`.
  public var summary: String {
    switch self {
    case .trialOpened(let e): "trial \(e.trial) opened on protocol \(e.protocolHash.prefix(12))…"
    case .protocolAmended(let e): "protocol amended to \(e.protocolHash.prefix(12))…: \(e.reason)"
    case .siteActivated(let e): "site \(e.site) activated" + (e.name.map { " (\($0))" } ?? "")
    case .subjectScreened(let e):
      "\(e.subject) screened" + (e.group.map { " for group \($0)" } ?? "") + ": \(e.report.status.rawValue)"
    case .criteriaAttested(let e):
      "\(e.subject) \(e.criteria.joined(separator: ", ")) attested \(e.satisfied ? "met" : "not met")"
    case .consentSigned(let e): "\(e.subject) consented on \(e.date)"
    case .enrolled(let e): "\(e.subject) enrolled in group \(e.group) cohort \(e.cohort) at level \(e.level)"
    case .leukapheresis(let e): "\(e.subject) leukapheresis on \(e.date)"
    case .manufacturingReleased(let e): "\(e.subject) product released on \(e.date)"
    case .manufacturingFailed(let e): "\(e.subject) manufacturing failed on \(e.date): \(e.detail ?? "")"
    case .concomitantTreatment(let e):
      "\(e.subject) \(e.agent)" + (e.dose.map { " \($0)" } ?? "") + " (\(e.purpose.rawValue)) on \(e.date)"
    case .lymphodepletionGiven(let e):
      "\(e.subject) lymphodepletion from \(e.date): "
        + e.agents.map { "\($0.agent) \(Quantity.format($0.mgPerM2PerDay)) mg/m²/day × \($0.days)" }.joined(
          separator: ", ")
    case .infused(let e):
      "\(e.subject) infused on \(e.date): \(Quantity(e.dose.cells, .cells)) (\(Quantity(e.dose.cellsPerKg, .cellsPerKg)), \(Quantity.format(e.dose.weightKg)) kg)"
        + (e.dose.capped ? ", capped" : "")
    case .assessmentRecorded(let e): "\(e.subject) assessment: \(Self.plain(e.entry))"
    case .diseaseAssessed(let e): "\(e.subject) disease assessment: \(Self.plain(e.assessment))"
    case .kineticsSampled(let e):
      "\(e.subject) kinetics day \(Quantity.format(e.day)): "
        + (e.value.map { "\(Quantity.format($0)) \(e.unit)" } ?? "below LLOQ")
    case .dltAdjudicated(let e):
      "\(e.subject) DLT adjudicated \(e.outcome.rawValue) (rules: \(e.computed))"
        + (e.reason.map { "; \($0)" } ?? "")
    case .recommendationMade(let e):
      "group \(e.group) cohort \(e.cohort) at level \(e.level): \(e.design) recommends \(e.decision)"
        + (e.nextLevel.map { " → level \($0)" } ?? "")
    case .recommendationConfirmed(let e): "group \(e.group) cohort \(e.cohort): recommendation confirmed"
    case .recommendationOverridden(let e):
      "group \(e.group) cohort \(e.cohort): overridden to level \(e.level): \(e.reason)"
    case .offStudy(let e):
      "\(e.subject) off study on \(e.date): \(e.reason.rawValue)" + (e.detail.map { " (\($0))" } ?? "")
    case .correction(let e): "correction of event \(e.sequence): \(e.reason)"
    case .signature(let e): "event \(e.sequence) signed by \(e.signer) (\(e.meaning.rawValue))"
    }
  }

  /// A submitted JSON text in words (``JSONValue/plainText``); the text itself if it does not parse.
  private static func plain(_ text: String) -> String {
    (try? JSONDocument(parsing: text).root.plainText) ?? text
  }
}
