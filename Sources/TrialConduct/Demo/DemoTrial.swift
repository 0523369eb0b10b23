import Foundation
import Inputs
import TrialModel

/// A whole simulated trial, played through the conduct commands on a simulated clock: sites
/// activated, candidates screened (some ineligible on purpose), attested, consented and enrolled;
/// for autologous products leukapheresis and release (one manufacturing failure, whose slot is
/// refilled); lymphodepletion, infusion, daily CRS/ICANS, blood counts, DLTs drawn from a true
/// toxicity per level, adjudication, the design's recommendations confirmed by the safety review
/// committee (one overridden), kinetics, day-28 marrow, one correction, one signature and one
/// subject off study. Everything follows from the seed: the same seed gives the same trial.
///
/// The demo is pure: each command goes through `record`, which appends it (in the CLI, to the
/// store; in tests, to a ``TrialLog``) and answers the new state.
public enum DemoTrial {
  /// Records a command: the command, who gives it, when it is recorded, and the day it is given on.
  public typealias Recorder = (ConductCommand, Actor, Date, CalendarDate) async throws -> TrialState

  /// The true DLT probability of each dose level, lowest level first (a scenario with a maximum
  /// tolerated dose in the middle of a three- or four-level ladder; levels above the last take it).
  public static let toxicity: [Double] = [0.05, 0.15, 0.30, 0.50]

  /// At most this many cohorts per group.
  public static let maximumCohortsPerGroup = 8

  /// Plays the trial whose opening event (made with ``TrialLog/opening(trial:protocolText:protocolHash:by:at:)``)
  /// `record` already holds, from clinical date `start`.
  ///
  /// - Returns: the counts of the final state.
  public static func play(
    protocolText: String, protocolHash: String, trial: String, seed: UInt64, start: CalendarDate,
    record: @escaping Recorder
  ) async throws -> DemoSummary {
    let opening = TrialEvent(
      recordedAt: DemoClock.time(start, tick: 0), actor: DemoCast.administrator,
      body: .trialOpened(TrialOpened(trial: trial, protocolText: protocolText, protocolHash: protocolHash)))
    let opened = try TrialState.fold([RecordedEvent(sequence: 1, event: opening)])
    return try await play(opened: opened, seed: seed, start: start, record: record)
  }

  /// Plays the trial whose state after its opening event is `opened` (the state `record` starts
  /// from), from clinical date `start`.
  ///
  /// - Throws: ``InputError`` (nothing recorded) when `opened` has more than its opening event: a
  ///   demo plays a new trial only.
  public static func play(
    opened: TrialState, seed: UInt64, start: CalendarDate, record: @escaping Recorder
  ) async throws -> DemoSummary {
    guard opened.head == 1 else {
      throw InputError(
        .conflict, field: "trial", expected: "a trial just opened (a demo plays a new trial)",
        found: "trial \(opened.trial) with \(opened.head) events")
    }
    var player = DemoPlayer(record: record, state: opened, seed: seed, start: start)
    try await player.run()
    return DemoSummary(player.state)
  }
}
