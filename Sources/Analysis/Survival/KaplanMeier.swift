import Probability
import RealModule

/// The Kaplan–Meier product-limit estimate with Greenwood standard errors.
///
/// Kaplan EL, Meier P. JASA 1958;53:457–481; Greenwood M. 1926. Conventions are R `survival`
/// 3.5.3's `survfit`: confidence limits on the log scale by default,
/// se(ln S) = √Σ d/(n(n − d)).
public struct KaplanMeier: Sendable, Hashable {
  /// One distinct event time.
  public struct Step: Sendable, Hashable, Codable {
    /// The event time.
    public let time: Double
    /// Number at risk just before `time`.
    public let atRisk: Int
    /// Number of events at `time`.
    public let events: Int
    /// Number censored at `time` (they count as at risk at `time`).
    public let censored: Int
    /// S(time), the survival just after `time`.
    public let survival: Double
    /// se(ln S) by Greenwood: √Σ d/(n(n − d)) (infinite once S reaches 0).
    public let logStandardError: Double
    /// se(S) = S·se(ln S), as R's `summary.survfit` prints it.
    public var standardError: Double { survival * logStandardError }
  }

  /// Number of subjects.
  public let count: Int
  /// Number of events.
  public let eventCount: Int
  /// The event times, ascending.
  public let steps: [Step]
  /// The censoring times (with multiplicity), ascending, for censor marks.
  public let censorTimes: [Double]
  /// All observed times, ascending, for numbers at risk.
  let sortedTimes: [Double]

  /// Estimates S(t) from right-censored observations.
  public init(_ observations: [SurvivalObservation]) {
    let sorted = observations.sorted { $0.time < $1.time }
    count = sorted.count
    eventCount = sorted.filter(\.event).count
    censorTimes = sorted.filter { !$0.event }.map(\.time)
    sortedTimes = sorted.map(\.time)
    var steps: [Step] = []
    var atRisk = sorted.count
    var survival = 1.0
    var greenwood = 0.0
    var index = 0
    while index < sorted.count {
      let time = sorted[index].time
      var events = 0
      var censored = 0
      while index < sorted.count, sorted[index].time == time {
        if sorted[index].event { events += 1 } else { censored += 1 }
        index += 1
      }
      if events > 0 {
        let n = Double(atRisk)
        let d = Double(events)
        survival *= 1 - d / n
        greenwood += atRisk > events ? d / (n * (n - d)) : .infinity
        steps.append(
          Step(
            time: time, atRisk: atRisk, events: events, censored: censored, survival: survival,
            logStandardError: greenwood.squareRoot()))
      }
      atRisk -= events + censored
    }
    self.steps = steps
  }

  /// S(t): the survival after the last event time ≤ t (1 before the first event).
  public func survival(at time: Double) -> Double {
    step(at: time)?.survival ?? 1
  }

  /// The last step at or before `time`, nil before the first event.
  public func step(at time: Double) -> Step? {
    var low = 0
    var high = steps.count
    while low < high {
      let mid = (low + high) / 2
      if steps[mid].time <= time { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : steps[low - 1]
  }

  /// Number at risk at `time`: subjects whose observed time is ≥ `time`.
  public func atRisk(at time: Double) -> Int {
    var low = 0
    var high = sortedTimes.count
    while low < high {
      let mid = (low + high) / 2
      if sortedTimes[mid] < time { low = mid + 1 } else { high = mid }
    }
    return sortedTimes.count - low
  }

  /// Pointwise confidence limits for S at a step, as R `survfit` computes them; nil where R
  /// gives NA (S = 0, or S = 1 on the log-log scale).
  public func confidenceInterval(
    for step: Step, level: Double = 0.95, scale: SurvivalConfidenceScale = .log
  ) -> (lower: Double, upper: Double)? {
    let z = NormalDistribution.twoSidedCriticalValue(level: level)
    let s = step.survival
    let se = step.logStandardError
    guard s > 0, se.isFinite else { return nil }
    switch scale {
    case .log:
      return (s * Double.exp(-z * se), min(1, s * Double.exp(z * se)))
    case .logLog:
      guard s < 1 else { return nil }
      let logS = Double.log(s)
      let center = Double.log(-logS)
      return (
        Double.exp(-Double.exp(center - z * se / logS)),
        Double.exp(-Double.exp(center + z * se / logS))
      )
    }
  }
}
