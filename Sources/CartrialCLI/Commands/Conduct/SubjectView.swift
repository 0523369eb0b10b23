import TrialConduct
import TrialModel

/// `subject show` as text.
extension SubjectSummary {
  var text: String {
    var out = "\(subject): \(status)" + (eligibility.map { " (screening: \($0))" } ?? "")
    if let group, let level { out += ", group \(group) level \(level)" }
    out += "\n"
    if let dose {
      out +=
        "dose: \(Quantity(dose.cells, .cells)) (\(Quantity(dose.cellsPerKg, .cellsPerKg))) for \(Quantity.format(dose.weightKg)) kg"
        + (dose.capped ? ", capped at \(dose.maximumTotal.map { "\($0)" } ?? "the maximum")" : "") + "\n"
    }
    out += "\ntimeline:\n"
    for e in timeline {
      out +=
        "  #\(e.sequence) \(e.clinicalDate.map { "\($0)" } ?? "          ") \(e.summary)  [\(e.actor), \(e.recordedAt)]\n"
      for c in e.corrections { out += "      corrected: \(c)\n" }
      for s in e.signatures { out += "      signed: \(s)\n" }
    }
    if !gradedEvents.isEmpty {
      out += "\ngraded events:\n"
      for g in gradedEvents.sorted(by: { $0.day < $1.day }) {
        out += "  day \(Quantity.format(g.day)) \(g.term) grade \(g.grade)\n"
      }
    }
    if let d = dltByRules { out += "\nDLT by the protocol's rules: \(d.verdict.rawValue) — \(d.reason)\n" }
    if let a = adjudication {
      out += "DLT adjudicated: \(a.outcome.rawValue)" + (a.reason.map { " — \($0)" } ?? "") + "\n"
    }
    if let r = bestResponse, let best = r.bestResponse { out += "best overall response: \(best.rawValue)\n" }
    return out
  }
}
