import Analysis

/// Kaplan–Meier estimates by group with the median and its CI, S(t), and the k-group log-rank
/// test, as R `survfit` and `survdiff` give them; the answer of `cartrial km`.
public struct SurvivalSummary: Encodable, Sendable {
  /// S(t) at one time.
  public struct Row: Encodable, Sendable {
    public var time: Double
    public var nRisk: Int
    public var survival: Double
    /// se(S); null where R prints NaN (S = 0, where se(ln S) is infinite).
    public var stdErr: Nullable<Double>
    public var lower: Nullable<Double>
    public var upper: Nullable<Double>
  }

  /// One group's curve.
  public struct Group: Encodable, Sendable {
    public var name: String
    public var n: Int
    public var events: Int
    public var median: Nullable<Double>
    /// Lower and upper limit; an unreached limit is null.
    public var medianCI: [Nullable<Double>]
    public var survival: [Row]
  }

  /// The log-rank test across the groups.
  public struct LogRank: Encodable, Sendable {
    public var chisq: Double
    public var df: Int
    public var p: Double
  }

  public var groups: [Group]
  /// null with one group.
  public var logrank: Nullable<LogRank>

  /// Summarises `groups`, giving S(t) at `times` (at every event time when `nil`), with CIs at
  /// `level` on `scale`.
  public init(
    _ groups: [SurvivalGroup], at times: [Double]?, level: Double = 0.95,
    scale: SurvivalConfidenceScale = .log
  ) {
    self.groups = groups.map { Self.group($0.name, KaplanMeier($0.observations), times, level, scale) }
    if groups.count > 1 {
      let test = LogRankTest(groups: groups.map(\.observations))
      logrank = Nullable(LogRank(chisq: test.chiSquared, df: test.degreesOfFreedom, p: test.pValue))
    } else {
      logrank = Nullable(nil)
    }
  }

  private static func group(
    _ name: String, _ km: KaplanMeier, _ times: [Double]?, _ level: Double, _ scale: SurvivalConfidenceScale
  ) -> Group {
    let median = km.median(level: level, scale: scale)
    func row(_ time: Double, _ step: KaplanMeier.Step?) -> Row {
      let band = step.flatMap { km.confidenceInterval(for: $0, level: level, scale: scale) }
      let standardError = step?.standardError ?? 0
      return Row(
        time: time, nRisk: km.atRisk(at: time), survival: step?.survival ?? 1,
        stdErr: Nullable(standardError.isFinite ? standardError : nil),
        lower: Nullable(step == nil ? 1 : band?.lower), upper: Nullable(step == nil ? 1 : band?.upper))
    }
    let rows = times.map { $0.map { row($0, km.step(at: $0)) } } ?? km.steps.map { row($0.time, $0) }
    return Group(
      name: name, n: km.count, events: km.eventCount, median: Nullable(median.estimate),
      medianCI: [Nullable(median.lower), Nullable(median.upper)], survival: rows)
  }
}
