import ArgumentParser
import Foundation
import Inputs
import ProtocolFiles
import Reports
import Simulation
import TrialConduct
import TrialModel
import TrialStore
import Trials

/// `cartrial trial`: open a trial on a protocol, list trials, show a trial's status, amend its
/// protocol, rebuild its cached state, report it, and its conditional operating characteristics.
struct TrialCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trial", abstract: "Open, list, show, amend and rebuild trials in the database.",
    subcommands: [Open.self, List.self, Status.self, Amend.self, Rebuild.self, Report.self, OC.self])

  /// The text of `--protocol`: a bundled protocol's file, or a file path.
  static func protocolText(_ reference: String) throws -> String {
    if let url = BundledProtocols.url(forID: reference) { return try InputFile.text(url.path) }
    guard InputFile.exists(reference) else {
      throw CLIError(
        "--protocol: expected a bundled protocol id (\(BundledProtocols.ids.joined(separator: ", "))) or a protocol file, found '\(reference)'"
      )
    }
    return try InputFile.text(reference)
  }

  struct Open: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Open a trial on a protocol (its full text and SHA-256 are the first event).")
    @Option(name: .customLong("protocol"), help: "A bundled protocol id or a protocol file.") var reference:
      String
    @Option(help: "The trial's id (default: the protocol's registry id).") var trial: String?
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let text = try TrialCommand.protocolText(reference)
      let (trial, actor) = (self.trial, options.actor(for: nil, default: .administrator))
      let status = try await options.withLedger { ledger in
        let log = try await ledger.open(trial: trial, protocolText: text, by: actor)
        return TrialOverview(log.state, asOf: ledger.today)
      }
      if options.output.format == .json { return try Output.json(status) }
      print("opened \(status.trial) on protocol \(status.protocolID) (sha256 \(status.protocolHash))")
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the trials in the database.")
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let statuses = try await options.withLedger { ledger in
        var out: [TrialOverview] = []
        for trial in try await ledger.trials() {
          out.append(TrialOverview(try await ledger.log(trial).state, asOf: ledger.today))
        }
        return out
      }
      if options.output.format == .json { return try Output.json(statuses) }
      if statuses.isEmpty { print("no trials yet (cartrial trial open --protocol ID)") }
      for s in statuses {
        print("\(s.trial)  protocol \(s.protocolID)  \(s.subjects.count) subjects  \(s.events) events")
      }
    }
  }

  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a trial: groups, cohorts, levels, the design's recommendation, subjects.")
    @Argument(help: "The trial id.") var trial: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let trial = self.trial
      let status = try await options.withLedger { ledger in
        TrialOverview(try await ledger.log(trial).state, asOf: ledger.today)
      }
      if options.output.format == .json { return try Output.json(status) }
      print(TrialOverviewText.render(status))
    }
  }

  /// `cartrial trial oc TRIAL [--group G] --truth …|--predictive`: exact OC of the rest of a group
  /// from today's data.
  struct OC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "oc",
      abstract: "Exact operating characteristics of the rest of a trial's group from today's data.",
      discussion: """
        From the group's evaluable patients and DLTs per level and its latest cohort's level (patients \
        not yet adjudicated are not counted), under each --truth, or under the posterior predictive \
        (--predictive [--prior a,b]): each final selection's probability, the expected patients and \
        DLTs in all and still to come, and the chance of stopping for toxicity.
        """)
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The group (default: the trial's only group).") var group: String?
    @Option(
      name: .customLong("truth"), help: "True DLT probabilities, one per level (repeat for more scenarios).")
    var truths: [TruthArgument] = []
    @Flag(help: "Posterior predictive OC instead of --truth (independent Beta priors per level).")
    var predictive = false
    @Option(help: "With --predictive: the Beta(a, b) prior of every level, a,b (default 1,1).") var prior:
      String?
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      guard predictive == truths.isEmpty else {
        throw ValidationError(
          "--truth/--predictive: expected --truth … or --predictive, found "
            + (predictive ? "both" : "neither"))
      }
      let scenarios = try truths.map { try $0.single(option: "--truth") }
      let prior = try predictive ? PredictivePrior.parse(self.prior) : nil
      let (trial, group) = (self.trial, self.group)
      let (results, notes) = try await options.withLedger { ledger in
        let state = try await ledger.log(trial).state
        let groups = state.protocolInForce.groups.map(\.id)
        guard let id = group ?? (groups.count == 1 ? groups[0] : nil) else {
          throw CLIError("--group: expected one of \(groups.joined(separator: ", ")), found none")
        }
        var results: [(OperatingCharacteristicsAnswer, ConditionalFigures)] = []
        var notes = state.design(forGroup: id)?.textNotes ?? []
        do {
          if let prior {
            results.append(try state.predictiveOperatingCharacteristics(group: id, prior: prior))
            notes.append(prior.note)
          }
          for (index, truth) in scenarios.enumerated() {
            do {
              results.append(try state.conditionalOperatingCharacteristics(group: id, truth: truth))
            } catch let error as InputError {
              var named = error
              if error.field == "truth" && scenarios.count > 1 { named.field = "truth \(index + 1)" }
              throw named
            }
          }
        } catch let error as InputError {
          throw CLIError("--\(error.field): expected \(error.expected), found \(error.found)")
        }
        return (results, notes)
      }
      try OCReport.printConditional(results, notes: notes, format: options.output.format)
    }
  }

  struct Amend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put a new protocol version in force, with a reason.")
    @Argument(help: "The trial id.") var trial: String
    @Option(name: .customLong("protocol"), help: "The amended protocol file.") var reference: String
    @Option(help: "Why the protocol is amended.") var reason: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      let text = try TrialCommand.protocolText(reference)
      let command = ConductCommand.amendProtocol(
        text: text, hash: TrialLedger.protocolHash(text), reason: reason)
      try await ConductRun.record(command, trial: trial, options: options)
    }
  }

  struct Rebuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fold the whole log again and replace the cached state; says whether the cache agreed.")
    @Argument(help: "The trial id.") var trial: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let trial = self.trial
      let answer = try await options.withLedger { ledger in try await ledger.rebuild(trial) }
      let (cached, rebuilt, agreed) = (answer.cached, answer.rebuilt, answer.agreed)
      if options.output.format == .json {
        struct Answer: Encodable { var trial: String, events: Int, cacheAgreed: Bool }
        return try Output.json(Answer(trial: trial, events: rebuilt.events, cacheAgreed: agreed))
      }
      print(
        "rebuilt \(trial) from \(rebuilt.events) events: "
          + (cached == nil
            ? "no cached state before"
            : agreed ? "the cached state agreed" : "the cached state differed and was replaced"))
    }
  }

  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write the HTML trial report (endpoints, KM curves, kinetics, swimmer plot) from the stored trial.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The group (default: every group).") var group: String?
    @Option(help: "Output HTML file.") var out: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      let (trial, group) = (self.trial, self.group)
      let report = try await options.withLedger { ledger in
        let state = try await ledger.log(trial).state
        return try TrialReport(
          data: try state.reportData(asOf: ledger.today), trial: state.protocolInForce, group: group)
      }
      do { try ReportPage(report).html().write(toFile: out, atomically: true, encoding: .utf8) } catch {
        throw InputFile.cannotWrite(out)
      }
      print(
        "wrote \(out): \(report.scope.subjects.count) subjects, \(report.kinetics.count) kinetic profiles")
    }
  }
}
