import ArgumentParser
import TrialConduct
import TrialModel

/// `cartrial decision`: the design's recommendation for a group, confirmed or overridden.
struct DecisionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decision",
    abstract: "Show, confirm or override the design's dose recommendation for a group.",
    subcommands: [Show.self, Confirm.self, Override.self])

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The group's latest recommendation and its explanation.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The group (default: the only one).") var group: String?
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let trial = self.trial
      let status = try await options.withLedger { ledger in
        TrialOverview(try await ledger.log(trial).state, asOf: ledger.today)
      }
      guard
        let g = status.groups.first(where: {
          $0.id.lowercased() == (group ?? status.groups.first?.id ?? "").lowercased()
        })
      else {
        throw CLIError(
          "--group: expected one of " + status.groups.map(\.id).joined(separator: ", ")
            + ", found \(group ?? "none")")
      }
      if options.output.format == .json { return try Output.json(g) }
      guard let r = g.recommendation else {
        print(
          "group \(g.id): no recommendation yet (cohort \(g.cohorts.last.map { "\($0.number): \($0.status.rawValue)" } ?? "none"))"
        )
        return
      }
      print(
        "group \(g.id) after cohort \(r.cohort): \(r.decision)" + (r.nextLevel.map { " → level \($0)" } ?? "")
          + " (\(r.status))")
      for line in r.explanation { print("  \(line)") }
    }
  }

  struct Confirm: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Confirm the recommendation: the next cohort opens at its level.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The group.") var group: String
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .confirm(group: group) }
  }

  struct Override: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Override the recommendation with another level (stay or go down) and a reason.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The group.") var group: String
    @Option(parsing: .unconditional, help: "The level for the next cohort.") var level: Int
    @Option(help: "Why.") var reason: String
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .override(group: group, level: level, reason: reason) }
  }
}

/// `cartrial sign`: an electronic signature on an event (21 CFR 11.50).
struct SignCommand: RecordingCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign",
    abstract: "Sign an event: review, approval or responsibility (printed name and time are recorded).")
  @Argument(help: "The trial id.") var trial: String
  @Option(help: "The event's sequence number.") var seq: Int
  @Option(help: "review, approval or responsibility.") var meaning: Signature.Meaning
  @OptionGroup var options: ConductOptions

  func command() throws -> ConductCommand { .sign(sequence: seq, meaning: meaning) }
}

/// `cartrial event correct`: a correction of recorded clinical data, with a reason.
struct EventCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "event", abstract: "Correct an earlier event (the original stays in the log).",
    subcommands: [Correct.self])

  struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Correct event N with a new entry (JSON in the shape its recording command reads) and a reason.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The event's sequence number.") var seq: Int
    @Option(help: "Why it is corrected.") var reason: String
    @Option(
      help:
        "The corrected entry (JSON): an assessment or disease assessment entry; {\"date\", \"weightKg\"} for an infusion; {\"date\"} for consent; {\"date\", \"reason\"} for off study; {\"day\", \"value\"|\"belowLLOQ\"} for a sample."
    )
    var entry: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let (trial, seq, reason, file) = (self.trial, self.seq, self.reason, entry)
      let text = try InputFile.text(entry)
      let actor = options.actor(for: .record(subject: "", entry: "", file: ""))
      let written = try await options.withLedger { ledger in
        let log = try await ledger.log(trial)
        let inner = try ConductCommand.correcting(seq, in: log, entry: text, file: file)
        return try await ledger.record(
          .correct(sequence: seq, reason: reason, command: inner), in: trial, by: actor
        )
        .map(ConductRun.Written.init)
      }
      if options.output.format == .json { return try Output.json(written) }
      for w in written { print("#\(w.sequence) \(w.kind): \(w.summary)") }
    }
  }
}
