import ArgumentParser
import Foundation
import TrialConduct
import TrialModel
import TrialStore

/// `cartrial demo`: a whole simulated trial played through the real conduct commands and store.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Play a whole simulated trial (seeded) into a database through the real commands and store.",
    discussion: """
      Screening (some candidates ineligible), enrolment, product, lymphodepletion, infusion, daily CRS/ICANS,
      labs, DLTs, the design's recommendations confirmed (one overridden with a reason), kinetics samples,
      responses, a correction, a signature and an off-study event. The clinical dates and recording times
      are simulated, starting three years before today; everything else is the real system.
      """)
  @Option(name: .customLong("protocol"), help: "A bundled protocol id or a protocol file.") var reference:
    String
  @Option(help: "The trial's id (default: the protocol's registry id).") var trial: String?
  @Option(help: "The seed: the same seed plays the same trial.") var seed: UInt64 = 1
  @OptionGroup var options: ConductOptions

  func run() async throws {
    try options.output.require([.text, .json])
    let text = try TrialCommand.protocolText(reference)
    let trialID = self.trial
    let seed = self.seed
    let clock = SimulatedClock()
    let summary = try await options.withLedger { real in
      let ledger = TrialLedger(store: real.store, signer: real.signer, clock: { clock.now })
      let start = real.today.adding(days: -3 * 365)
      clock.now = Date(timeIntervalSince1970: Double(start.dayNumber) * 86_400 + 8 * 3600)
      let opened = try await ledger.open(
        trial: trialID, protocolText: text, by: Actor(name: "Demo Administrator", role: .administrator))
      let id = opened.state.trial
      return try await DemoTrial.play(opened: opened.state, seed: seed, start: start) {
        command, actor, time, today in
        clock.now = time
        try await ledger.record(command, in: id, by: actor, today: today)
        return try await ledger.log(id).state
      }
    }
    if options.output.format == .json { return try Output.json(summary) }
    print(
      "\(summary.trial): \(summary.screened) screened (\(summary.ineligible) ineligible), \(summary.enrolled) enrolled, "
        + "\(summary.infused) infused, \(summary.dlts) DLTs, \(summary.decisions) dose decisions "
        + "(\(summary.overrides) overridden), \(summary.events) events")
    for g in summary.groups {
      print(
        "  group \(g.id): \(g.cohorts) cohorts (\(g.decidedCohorts) decided), next level \(g.currentLevel), \(g.status)"
      )
    }
    print("next: cartrial trial status \(summary.trial) --db \(options.location)")
  }
}

/// The demo's simulated time, read by the ledger's clock.
private final class SimulatedClock: @unchecked Sendable {
  private let lock = NSLock()
  private var value = Date(timeIntervalSince1970: 0)
  var now: Date {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}
