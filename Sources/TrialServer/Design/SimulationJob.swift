import Foundation
import Trials

/// One simulation the server runs for a user: who started it, what it simulates, how far it is,
/// and its answer or its problem when it has ended.
struct SimulationJob: Sendable {
  /// Where a job is: waiting for a worker, running, or ended (finished, failed or cancelled).
  enum Status: String, Sendable, Encodable {
    case queued, running, finished, failed, cancelled

    var hasEnded: Bool { self == .finished || self == .failed || self == .cancelled }
  }

  /// The computation: the application layer's operating characteristics, reporting finished trials.
  typealias Work =
    @Sendable (_ progress: @escaping @Sendable (Int) -> Void) throws -> OperatingCharacteristicsAnswer

  /// An unguessable id.
  var id: String
  /// The username of the user who started it: nobody else sees it.
  var owner: String
  /// What is simulated, for people (`NCT07470073 group A`).
  var label: String
  /// The page the job was started from, if any (`/trials/…/groups/…/design`).
  var origin: String?
  var totalTrials: Int
  var status: Status = .queued
  var createdAt: Date
  var endedAt: Date?
  var result: OperatingCharacteristicsAnswer?
  var problem: Problem?
  let progress = JobProgress()
  let work: Work

  /// Trials finished so far (all of them once finished).
  var finishedTrials: Int { status == .finished ? totalTrials : min(progress.finishedTrials, totalTrials) }
}
