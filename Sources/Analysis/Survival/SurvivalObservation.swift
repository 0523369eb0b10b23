/// One subject's right-censored time to event.
public struct SurvivalObservation: Sendable, Hashable, Codable {
  /// Time from the origin (days), ≥ 0.
  public let time: Double
  /// true = the event happened at `time`; false = censored at `time`.
  public let event: Bool

  public init(time: Double, event: Bool) {
    self.time = time
    self.event = event
  }
}

/// The scale on which pointwise survival confidence intervals are built.
///
/// R `survfit(conf.type =)`: "log" is R's default and ours; "log-log" is lifelines' default
/// ("exponential Greenwood").
public enum SurvivalConfidenceScale: String, Sendable, Hashable, Codable, CaseIterable {
  /// exp(ln S ± z·se(ln S)), upper limit capped at 1.
  case log
  /// exp(−exp(ln(−ln S) ∓ z·se(ln S)/ln S)).
  case logLog = "log-log"
}
