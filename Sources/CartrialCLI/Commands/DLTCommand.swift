import ArgumentParser
import Assessment
import Inputs
import TrialModel

/// `cartrial dlt`: DLT adjudication of one subject against the protocol's DLT rules.
struct DLTCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dlt",
    abstract:
      "Adjudicate DLT for one subject: dlt, noDlt, pending or notEvaluable, naming the deciding events.",
    discussion: """
      The rules are the protocol's `assessment.dlt.rules` (by default a recalled CAR-T phase 1 template
      [R]); the window is `assessment.dlt.windowDays`, else the group design's `dltWindowDays`. CRS/ICANS
      observations and lab values in the subject file are graded first (ASTCT 2019, CTCAE v5.0).
      """)

  @OptionGroup var protocolOptions: RequiredProtocolOptions
  @Option(help: "Subject record JSON file (see README: subject record).") var subject: String
  @OptionGroup var output: OutputOptions

  struct Report: Encodable {
    var subject: String?
    var verdict: DLTVerdict
    var reason: String
    var decidingEvents: [DLTFinding]
    var findings: [DLTFinding]
    var windowDays: Int
    var observedThroughDay: Double
    var assumptions: [Assumption]
  }

  func run() throws {
    try output.require([.text, .json])
    let (trial, group) = try protocolOptions.load()
    let document = try InputFile.document(subject)
    let record = try InputFile.read(SubjectRecord.self, from: document)
    let design = try presenting { try trial.designDLTWindow(group: group) }
    let result = try InputFile.checked(document) { () throws(InputError) in
      try record.adjudicateDLT(settings: trial.assessment, designWindowDays: design?.value)
    }
    let window = trial.assessment.dlt.window(designWindowDays: design)
    let assumptions = trial.assessment.dlt.assumptions(window: window)
    let report = Report(
      subject: record.subjectId, verdict: result.verdict, reason: result.reason,
      decidingEvents: result.decidingEvents, findings: result.findings, windowDays: result.windowDays,
      observedThroughDay: result.observedThroughDay,
      assumptions: assumptions)
    if output.format == .json { return try Output.json(report) }
    print(
      "\(record.subjectId ?? subject): \(result.verdict.rawValue) (\(trial.id), DLT window day 0–\(result.windowDays), "
        + "observed through day \(Quantity.format(result.observedThroughDay)))")
    print("  \(result.reason)")
    let others = result.findings.filter { !result.decidingEvents.contains($0) }
    if !others.isEmpty {
      print("other findings:")
      for finding in others { print("  - [\(finding.status.rawValue)] \(finding.explanation)") }
    }
    let ruleIDs = Set(trial.assessment.dlt.rules.map(\.id))
    let assumedRules = assumptions.filter { ruleIDs.contains($0.setting) }
    let decidingRules = Set(result.decidingEvents.map(\.rule))
    for assumption in assumedRules where decidingRules.contains(assumption.setting) {
      print("[assumption: \(assumption)]")
    }
    if !assumedRules.isEmpty && result.verdict != .dlt {
      print(
        "[assumption: \(assumedRules.count) of \(trial.assessment.dlt.rules.count) DLT rules are assumed, "
          + "not protocol text (see --format json)]")
    }
    for assumption in assumptions where !ruleIDs.contains(assumption.setting) {
      print("[assumption: \(assumption)]")
    }
  }
}
