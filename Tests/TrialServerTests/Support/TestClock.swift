import Foundation

/// A clock tests move by hand (sessions expiring, throttling windows passing).
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  /// Midday UTC of 2026-11-20, the example patient's screening date.
  init(_ date: Date = Date(timeIntervalSince1970: 1_795_132_800 + 43_200)) { current = date }

  var now: Date { lock.withLock { current } }

  func advance(seconds: TimeInterval) { lock.withLock { current += seconds } }

  var function: @Sendable () -> Date { { self.now } }
}
