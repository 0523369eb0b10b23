import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal and the run has
/// lasted more than a second; standard output is never touched.
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let enabled = isatty(STDERR_FILENO) == 1
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private let lock = NSLock()

  init(total: Int) { self.total = max(total, 1) }

  /// Records `done` finished trials (callable from any thread).
  func update(_ done: Int) {
    guard enabled else { return }
    lock.withLock {
      let now = Date()
      guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
      lastDraw = now
      drawn = true
      let fraction = min(Double(done) / Double(total), 1)
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      FileHandle.standardError.write(
        Data("\r\(bar) \(Int(fraction * 100))% (\(done)/\(total) trials)".utf8))
    }
  }

  /// Clears the bar if it was drawn.
  func finish() {
    lock.withLock {
      if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      drawn = false
    }
  }
}
