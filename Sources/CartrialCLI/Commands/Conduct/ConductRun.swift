import Foundation
import TrialConduct
import TrialModel
import TrialStore

/// Records one conduct command and prints the events written.
enum ConductRun {
  typealias Written = WrittenEvent

  static func record(_ command: ConductCommand, trial: String, options: ConductOptions) async throws {
    try options.output.require([.text, .json])
    let actor = options.actor(for: command)
    let written = try await options.withLedger { ledger in
      try await ledger.record(command, in: trial, by: actor).map(Written.init)
    }
    if options.output.format == .json { return try Output.json(written) }
    for w in written { print("#\(w.sequence) \(w.kind): \(w.summary)") }
  }
}

/// `trial status` as text.
enum TrialOverviewText {
  static func render(_ s: TrialOverview) -> String {
    var out =
      "\(s.trial) — protocol \(s.protocolID) (sha256 \(s.protocolHash.prefix(16))…), \(s.events) events, as of \(s.asOf)\n"
    for g in s.groups {
      out += "\ngroup \(g.id) (\(g.label)): \(g.status)" + (g.reason.map { " — \($0)" } ?? "") + "\n"
      out +=
        "  design \(g.design), current level \(g.currentLevel), enrolled \(g.enrolled) of \(g.maxSampleSize)\n"
      out +=
        "  levels: " + g.levels.map { "\($0.level): \($0.dlts)/\($0.patients)" }.joined(separator: "  ")
        + (g.eliminated.isEmpty
          ? "" : "  (eliminated: " + g.eliminated.map(String.init).joined(separator: ", ") + ")") + "\n"
      for c in g.cohorts {
        out +=
          "  cohort \(c.number) at level \(c.level): \(c.status.rawValue), \(c.members.count) of \(c.size)"
          + (c.members.isEmpty ? "" : " (" + c.members.joined(separator: ", ") + ")")
          + (c.replaced.isEmpty ? "" : ", replaced " + c.replaced.joined(separator: ", ")) + "\n"
      }
      if let r = g.recommendation {
        out +=
          "  recommendation after cohort \(r.cohort): \(r.decision)"
          + (r.nextLevel.map { " → level \($0)" } ?? "")
          + " — \(r.status)"
          + (r.overrideReason.map { " to level \(r.decidedLevel.map(String.init) ?? "?"): \($0)" } ?? "")
          + "\n"
        for line in r.explanation { out += "    \(line)\n" }
      }
    }
    if !s.subjects.isEmpty { out += "\nsubjects:\n" }
    for x in s.subjects {
      var line = "  \(x.id)  \(x.status)"
      if let e = x.eligibility, x.group == nil || x.level == nil { line += " (\(e))" }
      if let g = x.group, let l = x.level { line += "  group \(g) cohort \(x.cohort ?? 0) level \(l)" }
      if let cells = x.cells, let perKg = x.cellsPerKg {
        line += "  \(Quantity(cells, .cells)) (\(Quantity(perKg, .cellsPerKg)))"
      }
      if let ends = x.dltWindowEnds, x.dlt == nil {
        line += "  DLT window ends \(ends) (\(x.dltDaysLeft ?? 0) days left)"
      }
      if let dlt = x.dlt { line += "  DLT: \(dlt)" }
      out += line + "\n"
    }
    return out
  }
}
