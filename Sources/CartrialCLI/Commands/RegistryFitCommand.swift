import ArgumentParser
import Foundation
import Inputs
import Registry
import TrialModel
import TrialStore

/// `cartrial registry fit [WORDS…] --answer age=34 …`: "trials I may fit" across the local
/// registry.
struct RegistryFitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Trials of the local registry a patient may fit, from pre-screening answers (never a verdict).",
    discussion: """
      Answers are question=value: \(PreScreeningQuestion.all.map(\.id).joined(separator: ", ")).
      Yes/no questions take yes, no or unknown; ecog 0–4; status relapsed, refractory,
      relapsedAndRefractory, remission or newlyDiagnosed; age in years; creatinine and bilirubin in
      mg/dL. Words and --near narrow the trials as in `registry search`; by default only trials
      recruiting or about to. Nothing is stored.
      """)
  @Argument(help: "Words the trials must match (as in registry search).") var words: [String] = []
  @OptionGroup var answers: PreScreeningAnswers
  @Option(help: "Keep records with this overall status; repeatable (default RECRUITING, NOT_YET_RECRUITING).")
  var status: [String] = []
  @Option(help: "A place, latitude,longitude in decimal degrees.") var near: String?
  @Option(name: .customLong("within-km"), help: "With --near: keep records with a site within this many km.")
  var withinKm: Double?
  @Option(help: "How many trials that may fit to list (1–100).") var limit = 10
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    try options.output.require([.text, .json])
    guard (1...100).contains(limit) else { throw CLIError("--limit: expected 1 to 100, found \(limit)") }
    let answers = try self.answers.byQuestion()
    let query = SearchQuery(
      text: words.joined(separator: " "), statuses: Set(status.isEmpty ? TrialFit.openStatuses : status),
      near: try RegistrySearchCommand.place(near), withinKm: withinKm)
    let today = try self.answers.day()
    var ranking = try await options.withRegistry { book in
      do { return try await book.fit(query, answers: answers, on: today) } catch let error as InputError
        where answers[error.field] != nil
      {
        throw CLIError("--answer \(error.message)")
      }
    }
    ranking.mayFit = Array(ranking.mayFit.prefix(limit))
    if options.output.format == .json { return try Output.json(ranking) }
    print(RegistryText.fit(ranking))
  }
}
