import Analysis
import Foundation

/// Release-mode benchmarks of the `Analysis` module (issue 7): NCA, Kaplan–Meier with log-rank,
/// the Stein model fit and exact binomial intervals, on deterministic synthetic data.
enum AnalysisBench {
  /// Median wall time of `repetitions` runs of `body`, in seconds.
  static func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<repetitions {
      let elapsed = try clock.measure(body)
      times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return times.sorted()[times.count / 2]
  }

  /// A deterministic multiplicative "noise" in [0.8, 1.2] (no PRNG needed for timing).
  static func wobble(_ i: Int) -> Double { 1 + 0.2 * sin(Double(i) * 12.9898) }

  static func run() throws {
    print("== Analysis (issue 7) ==")
    let days: [Double] = [0, 1, 4, 7, 11, 14, 21, 28, 56, 90, 180, 270, 365]
    let profiles = try (0..<1000).map { s in
      try ConcentrationProfile(
        times: days,
        concentrations: days.enumerated().map { i, t in
          SteinModel.typical.concentration(at: t) * wobble(s * 13 + i)
        })
    }
    let options = NCAOptions(interval: 0...28)
    let nca = try median(5) { for p in profiles { _ = try p.nonCompartmentalAnalysis(options) } }
    print("NCA (13 samples, λz search, AUC0–28d): \(String(format: "%.1f", nca / 1000 * 1e6)) µs/profile")

    let dense: [Double] = [0, 1, 2, 3, 4, 5, 7, 9, 11, 14, 17, 21, 28, 42, 56, 90, 120, 180, 270, 365]
    let fitProfiles = try (0..<50).map { s in
      try ConcentrationProfile(
        times: dense,
        concentrations: dense.enumerated().map { i, t in
          SteinModel.typical.concentration(at: t) * wobble(s * 20 + i)
        })
    }
    let fit = try median(3) { for p in fitProfiles { _ = try SteinModelFit.fit(p) } }
    print("Stein model fit (20 samples, 3 starts): \(String(format: "%.2f", fit / 50 * 1e3)) ms/profile")

    let subjects = (0..<10_000).map { i in
      (
        group: i % 3,
        obs: SurvivalObservation(time: (Double(i % 997) * wobble(i)).rounded(), event: i % 4 != 0)
      )
    }
    let groups = (0..<3).map { g in subjects.filter { $0.group == g }.map(\.obs) }
    let km = median(5) {
      for g in groups { _ = KaplanMeier(g).median() }
      _ = LogRankTest(groups: groups)
    }
    print("KM + median CI + 3-group log-rank, 10,000 subjects: \(String(format: "%.2f", km * 1e3)) ms")

    let cp = median(5) {
      for n in 1...200 {
        for x in stride(from: 0, through: n, by: 7) {
          _ = ProportionInterval.clopperPearson(successes: x, trials: n)
        }
      }
    }
    let calls = (1...200).reduce(0) { $0 + $1 / 7 + 1 }
    print("Clopper–Pearson interval: \(String(format: "%.2f", cp / Double(calls) * 1e6)) µs/call")
  }
}
