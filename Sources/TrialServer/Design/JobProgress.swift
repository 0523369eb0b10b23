import Foundation

/// The finished trials of a running simulation: written by the engine's worker threads (its
/// progress callback), read by the job board when a client asks.
final class JobProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var finished = 0

  /// The running total the engine reports (monotone: a late smaller report is ignored).
  func report(_ finishedTrials: Int) {
    lock.withLock { finished = max(finished, finishedTrials) }
  }

  var finishedTrials: Int { lock.withLock { finished } }
}
