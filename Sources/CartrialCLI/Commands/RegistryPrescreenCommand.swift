import ArgumentParser
import Foundation
import Inputs
import Registry
import TrialModel
import TrialStore

/// `cartrial registry prescreen NCT… --answer age=34 …`: one trial's pre-screening, per criterion.
struct RegistryPrescreenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prescreen",
    abstract: "Pre-screen a patient for one trial of the local registry, per criterion (never a verdict).",
    discussion: """
      Without answers, lists the questions the trial's computable criteria need. Answers are
      question=value as in `registry fit`. Nothing is stored.
      """)
  @Argument(help: "The trial's NCT id.") var nctId: String
  @OptionGroup var answers: PreScreeningAnswers
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    try options.output.require([.text, .json])
    let given = try answers.byQuestion()
    let today = try answers.day()
    let nctId = self.nctId
    let screening = try await options.withRegistry { book in
      guard let entry = try await book.entry(nctId) else {
        throw InputError(.notFound, field: "nctId", expected: "a trial of the local registry", found: nctId)
      }
      return PreScreening(entry.record)
    }
    if given.isEmpty {
      if options.output.format == .json { return try Output.json(screening.questions.map(\.id)) }
      print("Questions for \(nctId) (answer with --answer question=value):")
      for q in screening.questions {
        let choices =
          q.choices.isEmpty
          ? (q.unit.map { " (\($0))" } ?? "") : ": " + q.choices.map(\.value).joined(separator: ", ")
        print("  \(q.id) — \(q.prompt)\(choices)")
      }
      return
    }
    let result: PreScreening.Result
    do { result = try screening.assess(given, on: today) } catch {
      throw CLIError("--answer \(error.message)")
    }
    if options.output.format == .json { return try Output.json(result) }
    print(result.summary)
    for f in result.findings {
      let outcome =
        switch f.outcome {
        case .likelyMet: "likely met"
        case .likelyNotMet: "LIKELY NOT MET"
        case .studyTeamMustCheck: "the study team must check"
        }
      print("  \(f.id)  \(outcome): \(f.because)")
    }
  }
}

/// `--answer question=value…` and `--date` of the pre-screening commands.
struct PreScreeningAnswers: ParsableArguments {
  @Option(help: "An answer, question=value (age=34, diagnosis=yes, ecog=1); repeatable.") var answer:
    [String] = []
  @Option(help: "The day of the answers, yyyy-MM-dd (default: today, UTC).") var date: String?

  /// The answers by question, each question known and given once.
  func byQuestion() throws -> [String: String] {
    let known = Set(PreScreeningQuestion.all.map(\.id))
    var answers: [String: String] = [:]
    for text in answer {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, known.contains(parts[0]) else {
        throw CLIError(
          "--answer: expected question=value with a question of \(known.sorted().joined(separator: ", ")), found \(text)"
        )
      }
      guard answers.updateValue(parts[1], forKey: parts[0]) == nil else {
        throw CLIError("--answer: \(parts[0]) is answered twice")
      }
    }
    return answers
  }

  func day() throws -> CalendarDate {
    guard let date else {
      return CalendarDate(utcDayOf: Date())
    }
    guard let d = CalendarDate(iso: date) else {
      throw CLIError("--date: expected yyyy-MM-dd, found \(date)")
    }
    return d
  }
}
