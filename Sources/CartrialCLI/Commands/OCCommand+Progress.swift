import Foundation
import Simulation

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
    draw {
      let fraction = min(Double(done) / Double(total), 1)
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      return "\(bar) \(Int(fraction * 100))% (\(done)/\(total) trials)"
    }
  }

  /// Shows an exact enumeration's progress: cohorts expanded and states so far.
  func update(_ progress: ExactProgress) {
    draw {
      "exact: cohort \(progress.cohortsDone)/\(progress.cohorts), \(progress.states) states so far, "
        + "about \(progress.projectedStates) expected"
    }
  }

  /// Draws the line `text` makes, at most ten times a second and only after the first second.
  private func draw(_ text: () -> String) {
    guard enabled else { return }
    lock.withLock {
      let now = Date()
      guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
      lastDraw = now
      drawn = true
      FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
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
