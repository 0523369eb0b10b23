import Foundation

/// Runs simulation jobs only when the test says so (to see them queued and running).
final class HeldRunner: @unchecked Sendable {
  private let lock = NSLock()
  private var held: [@Sendable () -> Void] = []

  /// The runner the job board is given: it keeps the work.
  var hold: @Sendable (@escaping @Sendable () -> Void) -> Void {
    { work in self.lock.withLock { self.held.append(work) } }
  }

  /// The number of jobs started and held.
  var count: Int { lock.withLock { held.count } }

  /// Runs the held work on this thread, oldest first.
  func release() {
    let work = lock.withLock {
      let all = held
      held = []
      return all
    }
    for w in work { w() }
  }
}
