/// Acceptance thresholds for a terminal phase and AUCinf, as PKNCA's exclusion helpers apply them
/// after the analysis (PKNCA 0.11.0 `min.hl.r.squared`, `min.span.ratio`, `max.aucinf.pext`).
public struct NCAQualityCriteria: Sendable, Hashable {
  /// Minimum R² of the λz regression (PKNCA default 0.9).
  public var minimumRSquared: Double
  /// Minimum (window span)/t½ (PKNCA default 2).
  public var minimumSpanRatio: Double
  /// Maximum % of AUCinf,obs that is extrapolated (PKNCA default 20).
  public var maximumPercentExtrapolated: Double

  public init(
    minimumRSquared: Double = 0.9, minimumSpanRatio: Double = 2, maximumPercentExtrapolated: Double = 20
  ) {
    self.minimumRSquared = minimumRSquared
    self.minimumSpanRatio = minimumSpanRatio
    self.maximumPercentExtrapolated = maximumPercentExtrapolated
  }
}

extension NCAResult {
  /// The criteria this result fails, as short messages (empty when all pass); "no λz" when no
  /// terminal phase could be estimated.
  public func qualityFlags(_ criteria: NCAQualityCriteria = NCAQualityCriteria()) -> [String] {
    guard let phase = terminalPhase, let extrapolated = percentExtrapolated else { return ["no λz"] }
    var flags: [String] = []
    if phase.rSquared < criteria.minimumRSquared { flags.append("R² < \(criteria.minimumRSquared)") }
    if phase.spanRatio < criteria.minimumSpanRatio {
      flags.append("span ratio < \(criteria.minimumSpanRatio)")
    }
    if extrapolated > criteria.maximumPercentExtrapolated {
      flags.append("AUC extrapolated > \(criteria.maximumPercentExtrapolated)%")
    }
    return flags
  }
}
