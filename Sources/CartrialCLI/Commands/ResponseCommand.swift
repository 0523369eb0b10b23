import ArgumentParser
import Assessment
import Foundation
import Inputs
import Reports
import TrialModel

/// `cartrial response`: best overall response per subject, and ORR with its exact interval.
struct ResponseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "response",
    abstract:
      "Best overall B-ALL response within the protocol's window (≥ 4-week durability); ORR = CR + CRi.",
    discussion: """
      --subject takes one subject record or a JSON array of them. For an array the ORR over all
      subjects given (the infused set) is printed with its exact Clopper–Pearson 95% interval.
      The window is `assessment.response.windowDays`, else the protocol's ORR endpoint window.
      """)

  @OptionGroup var protocolOptions: RequiredProtocolOptions
  @Option(help: "Subject record JSON file, or an array of subject records.") var subject: String
  @OptionGroup var output: OutputOptions

  /// The subject records of `document`: one record, or an array of them.
  static func records(_ document: JSONDocument) throws -> (records: [Assessment.SubjectRecord], isArray: Bool)
  {
    if case .array = document.root.content {
      return (try InputFile.read([Assessment.SubjectRecord].self, from: document), true)
    }
    return ([try InputFile.read(Assessment.SubjectRecord.self, from: document)], false)
  }

  func run() throws {
    try output.require([.text, .json])
    let (trial, _) = try protocolOptions.load()  // a group is checked; response settings are per protocol
    let settings = trial.assessment.response
    let window = trial.responseWindow
    let document = try InputFile.document(subject)
    let (records, isArray) = try Self.records(document)
    guard !records.isEmpty else {
      throw CLIError("\(subject): expected at least one subject record, found an empty array")
    }
    try InputFile.checked(document) { () throws(InputError) in try records.checkDistinctSubjects() }
    var reports: [SubjectResponseSummary] = []
    var results: [BestOverallResponse] = []
    for (index, record) in records.enumerated() {
      let result = try InputFile.checked(document) { () throws(InputError) in
        do throws(InputError) {
          return try record.bestOverallResponse(settings: settings, endpointWindowDays: window.value)
        } catch {
          throw isArray ? error.nested(under: "[\(index)]") : error
        }
      }
      results.append(result)
      reports.append(SubjectResponseSummary(subject: record.subjectId, result))
    }
    let notes = settings.assumptions(window: window)
    let orr = isArray ? ObjectiveResponseSummary(results) : nil
    if output.format == .json {
      if let orr {
        return try Output.json(CohortResponseSummary(subjects: reports, orr: orr, assumptions: notes))
      }
      var single = reports[0]
      single.assumptions = notes
      return try Output.json(single)
    }
    for report in reports {
      let best = report.response.bestResponse?.rawValue ?? "not evaluable"
      print(
        "\(report.subject ?? "subject"): \(best) [\(report.response.status.rawValue)] — \(report.response.reason)"
      )
    }
    if let orr {
      let c = orr.counts
      print(
        "ORR (CR + CRi): \(c.responders)/\(c.subjects) = \(percent(orr.estimate)) "
          + "(95% CI \(percent(orr.lower))–\(percent(orr.upper)), Clopper–Pearson); "
          + "CR \(c.completeRemissions), CRi \(c.completeRemissionsIncompleteRecovery), "
          + "MRD-negative \(c.mrdNegativeResponders), awaiting confirmation \(c.pendingConfirmation)")
    }
    for note in notes { print("[assumption: \(note)]") }
  }

  private func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
