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
  /// The event times (with multiplicity), ascending; with ``censorTimes``, every observed time.
  let eventTimes: [Double]

  /// Estimates S(t) from right-censored observations, in O(n) after an O(n) radix sort of the
  /// event and censoring times (no per-subject allocation).
  public init(_ observations: [SurvivalObservation]) {
    var events: [Double] = []
    var censored: [Double] = []
    events.reserveCapacity(observations.count)
    for observation in observations {
      if observation.event { events.append(observation.time) } else { censored.append(observation.time) }
    }
    self.init(sortedEventTimes: RadixSort.sorted(events), sortedCensorTimes: RadixSort.sorted(censored))
  }

  /// The estimate from the event times and the censoring times, each ascending.
  init(sortedEventTimes events: [Double], sortedCensorTimes censored: [Double]) {
    count = events.count + censored.count
    eventCount = events.count
    eventTimes = events
    censorTimes = censored
    var steps: [Step] = []
    var atRisk = count
    var survival = 1.0
    var greenwood = 0.0
    var e = 0
    var c = 0
    while e < events.count {
      let time = events[e]
      // Subjects censored before this event time leave the risk set first.
      while c < censored.count, censored[c] < time {
        atRisk -= 1
        c += 1
      }
      var deaths = 0
      repeat {
        deaths += 1
        e += 1
      } while e < events.count && events[e] == time
      var censoredHere = 0
      while c < censored.count, censored[c] == time {
        censoredHere += 1
        c += 1
      }
      let n = Double(atRisk)
      let d = Double(deaths)
      survival *= 1 - d / n
      greenwood += atRisk > deaths ? d / (n * (n - d)) : .infinity
      steps.append(
        Step(
          time: time, atRisk: atRisk, events: deaths, censored: censoredHere, survival: survival,
          logStandardError: greenwood.squareRoot()))
      atRisk -= deaths + censoredHere
    }
    self.steps = steps
  }

  /// The last observed time (event or censoring), 0 without observations.
  public var lastObservedTime: Double {
    max(eventTimes.last ?? 0, censorTimes.last ?? 0)
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
    Self.countNotBelow(time, in: eventTimes) + Self.countNotBelow(time, in: censorTimes)
  }

  /// How many of the ascending `values` are ≥ `time`.
  static func countNotBelow(_ time: Double, in values: [Double]) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < time { low = mid + 1 } else { high = mid }
    }
    return values.count - low
  }

  /// Pointwise confidence limits for S at a step, as R `survfit` computes them; nil where R
  /// gives NA (S = 0, or S = 1 on the log-log scale).
  public func confidenceInterval(
    for step: Step, level: Double = 0.95, scale: SurvivalConfidenceScale = .log
  ) -> (lower: Double, upper: Double)? {
    confidenceInterval(for: step, z: NormalDistribution.twoSidedCriticalValue(level: level), scale: scale)
  }

  /// The two-sided normal critical value z for a confidence `level` (1.96 for 0.95).
  public static func criticalValue(level: Double) -> Double {
    NormalDistribution.twoSidedCriticalValue(level: level)
  }

  /// The limits of ``confidenceInterval(for:level:scale:)`` with the normal quantile `z` given
  /// (``criticalValue(level:)``, computed once per curve, not once per step).
  public func confidenceInterval(
    for step: Step, z: Double, scale: SurvivalConfidenceScale
  ) -> (lower: Double, upper: Double)? {
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
