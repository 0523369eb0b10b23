import Assessment
import Inputs
import TrialModel

extension ConductCommand {
  /// The command that records the corrected version of event `sequence`, from an entry in the
  /// shape that event's recording command reads: an assessment entry, a disease assessment,
  /// `{"date", "weightKg"}` for an infusion, `{"date"}` for consent, `{"date", "reason", "detail"}`
  /// for off study, `{"day", "value" | "belowLLOQ", "unit"}` for a kinetics sample.
  public static func correcting(_ sequence: Int, in log: TrialLog, entry text: String, file: String)
    throws(InputError) -> ConductCommand
  {
    guard (1...log.events.count).contains(sequence) else {
      throw InputError(
        .notFound, field: "seq", expected: "an event of this trial: 1 to \(log.events.count)",
        found: "\(sequence)")
    }
    let original = log.events[sequence - 1].event.body
    guard let subject = original.subject, original.kind.isCorrectable else {
      throw InputError(
        .conflict, field: "seq",
        expected:
          "an event of recorded clinical data (enrolment, adjudication and decisions are never corrected)",
        found: "event \(sequence) is \(original.kind.rawValue)")
    }
    switch original {
    case .assessmentRecorded: return .record(subject: subject, entry: text, file: file)
    case .diseaseAssessed: return .assessDisease(subject: subject, assessment: text, file: file)
    default: break
    }
    let document = try JSONDocument(parsing: Array(text.utf8), file: file)
    let r = try document.reader.object(fields: [
      "date", "weightKg", "reason", "detail", "day", "value", "belowLLOQ", "unit",
    ])
    func date() throws(InputError) -> CalendarDate {
      let reader = try r.required("date", expected: "a date YYYY-MM-DD")
      guard let d = CalendarDate(iso: try reader.string()) else {
        throw reader.invalid(expected: "a date YYYY-MM-DD")
      }
      return d
    }
    switch original {
    case .infused:
      return .infuse(
        subject: subject, date: try date(),
        weightKg: try r.required("weightKg", expected: "the weight in kg").number())
    case .consentSigned: return .consent(subject: subject, date: try date())
    case .offStudy:
      return .offStudy(
        subject: subject, date: try date(),
        reason: try r.required("reason", expected: "why").enumeration(OffStudy.Reason.self),
        detail: try r.string("detail"))
    case .kineticsSampled(let k):
      return .sample(
        KineticsSampled(
          subject: subject, day: try r.required("day", expected: "days after infusion").number(),
          value: try r.number("value"),
          unit: try r.string("unit") ?? k.unit, belowLLOQ: try r.bool("belowLLOQ") ?? false))
    default:
      throw InputError(
        .conflict, field: "seq",
        expected: "an infusion, consent, off-study, sample or assessment event to correct from an entry",
        found: "event \(sequence) is \(original.kind.rawValue)")
    }
  }
}
