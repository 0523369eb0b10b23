import Foundation
import Simulation

/// A progress bar on standard error, drawn only when standard error is a terminal and the run has
/// lasted more than a second; standard output is never touched. Used by `oc` (trials) and
/// `kinetics fit` (subjects).
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  /// What is counted, in the plural ("trials", "subjects").
  private let unit: String
  /// Items finished, for ``advance()``.
  private var done = 0
  private let enabled = isatty(STDERR_FILENO) == 1
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private let lock = NSLock()

  init(total: Int, unit: String = "trials") {
    self.total = max(total, 1)
    self.unit = unit
  }

  /// Records one more finished item (callable from any thread).
  func advance() {
    guard enabled else { return }
    let done = lock.withLock {
      self.done += 1
      return self.done
    }
    update(done)
  }

  /// Records `done` finished items (callable from any thread).
  func update(_ done: Int) {
    draw {
      let fraction = min(Double(done) / Double(total), 1)
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      return "\(bar) \(Int(fraction * 100))% (\(done)/\(total) \(unit))" + remaining(fraction)
    }
  }

  /// Shows an exact enumeration's progress: cohorts expanded and states so far.
  func update(_ progress: ExactProgress) {
    draw {
      "exact: cohort \(progress.cohortsDone)/\(progress.cohorts), \(progress.states) states so far, "
        + "about \(progress.projectedStates) expected"
    }
  }

  /// The time left if the rate so far goes on: `, about 12 s left`.
  private func remaining(_ fraction: Double) -> String {
    guard fraction > 0.01, fraction < 1 else { return "" }
    let left = Date().timeIntervalSince(started) * (1 - fraction) / fraction
    return left < 90
      ? ", about \(Int(left.rounded())) s left" : ", about \(Int((left / 60).rounded())) min left"
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
