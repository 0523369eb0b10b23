import TrialModel

/// The partial-AUC interval of a report's non-compartmental analysis: 0…`windowDays` of the
/// protocol's kinetics endpoint (AUC0–28d → 0…28), else the default 0…28 days, the interval of
/// the tisagenlecleucel label and of most CAR-T kinetics reports (Kymriah EU SmPC §5.2;
/// Mueller et al., Clin Cancer Res 2018).
public struct NCAInterval: Sendable, Hashable {
  /// Where the interval comes from.
  public enum Source: Sendable, Hashable {
    /// The `windowDays` of the protocol endpoint with this id, and its assumption if any.
    case endpoint(id: String, assumption: String?)
    /// The protocol states none (or there is no protocol): ``defaultDays``.
    case defaultInterval
  }

  /// The interval's end when the protocol states none.
  public static let defaultDays = 28

  /// Days since infusion, from 0.
  public let days: ClosedRange<Double>
  public let source: Source

  /// The interval of `trial`'s first kinetics endpoint that states a window; the default without.
  public init(trial: TrialProtocol?) {
    let endpoint = trial?.endpoints.first { $0.measure == .kinetics && $0.windowDays != nil }
    if let endpoint, let window = endpoint.windowDays, window.value > 0 {
      days = 0...Double(window.value)
      source = .endpoint(id: endpoint.id, assumption: window.assumption)
    } else {
      days = 0...Double(Self.defaultDays)
      source = .defaultInterval
    }
  }

  /// `AUC0–28d`.
  public var label: String { Self.label(days) }

  /// The name of the AUC over `days`: `AUC0–28d`, or `AUC0–∞` when the interval has no end.
  public static func label(_ days: ClosedRange<Double>) -> String {
    let end = days.upperBound == .infinity ? "∞" : "\(Format.number(days.upperBound))d"
    return "AUC\(Format.number(days.lowerBound))–\(end)"
  }
}
