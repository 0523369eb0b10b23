import Analysis

/// Kaplan–Meier estimates by group with the median and its CI, S(t), and the k-group log-rank
/// test, as R `survfit` and `survdiff` give them; the answer of `cartrial km`.
public struct SurvivalSummary: Encodable, Sendable {
  /// S(t) at one time.
  public struct Row: Encodable, Sendable {
    public var time: Double
    public var nRisk: Int
    /// S(t); null beyond the last observation when that is a censoring (see `note`).
    public var survival: Nullable<Double>
    /// se(S); null where R prints NaN (S = 0, where se(ln S) is infinite).
    public var stdErr: Nullable<Double>
    public var lower: Nullable<Double>
    public var upper: Nullable<Double>
    /// Why a value is missing or special; null for an ordinary row. Set for a time beyond the
    /// group's last observation, where nobody is at risk.
    public var note: Nullable<String>
  }

  /// One group's curve.
  public struct Group: Encodable, Sendable {
    public var name: String
    public var n: Int
    public var events: Int
    /// The last observed time (event or censoring) in days: the curve is estimated up to it.
    public var lastObservation: Double
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
    let curves = groups.map { KaplanMeier($0.observations) }
    self.groups = zip(groups, curves).map { Self.group($0.name, $1, times, level, scale) }
    if groups.count > 1 {
      let test = LogRankTest(curves: curves)
      logrank = Nullable(LogRank(chisq: test.chiSquared, df: test.degreesOfFreedom, p: test.pValue))
    } else {
      logrank = Nullable(nil)
    }
  }

  private static func group(
    _ name: String, _ km: KaplanMeier, _ times: [Double]?, _ level: Double, _ scale: SurvivalConfidenceScale
  ) -> Group {
    let median = km.median(level: level, scale: scale)
    let last = km.lastObservedTime
    let z = KaplanMeier.criticalValue(level: level)
    func row(_ time: Double, _ step: KaplanMeier.Step?, atRisk: Int) -> Row {
      let band = step.flatMap { km.confidenceInterval(for: $0, z: z, scale: scale) }
      let standardError = step?.standardError ?? 0
      var row = Row(
        time: time, nRisk: atRisk, survival: Nullable(step?.survival ?? 1),
        stdErr: Nullable(standardError.isFinite ? standardError : nil),
        lower: Nullable(step == nil ? 1 : band?.lower), upper: Nullable(step == nil ? 1 : band?.upper),
        note: Nullable(nil))
      if time > last { row.markBeyond(last, curveEndsAtZero: km.steps.last?.survival == 0) }
      return row
    }
    let rows =
      times.map { $0.map { row($0, km.step(at: $0), atRisk: km.atRisk(at: $0)) } }
      ?? km.steps.map { row($0.time, $0, atRisk: $0.atRisk) }
    return Group(
      name: name, n: km.count, events: km.eventCount, lastObservation: last,
      median: Nullable(median.estimate),
      medianCI: [Nullable(median.lower), Nullable(median.upper)], survival: rows)
  }
}

extension SurvivalSummary.Row {
  /// A time after the last observation (`last`): nobody is at risk, so the product-limit
  /// estimate is not defined there unless the curve already reached 0 with the last event
  /// (Kaplan & Meier 1958, §3; R `summary.survfit` drops such times unless `extend = TRUE`).
  mutating func markBeyond(_ last: Double, curveEndsAtZero: Bool) {
    let day = Self.format(last)
    if curveEndsAtZero {
      note = Nullable("beyond the last observation (day \(day)); S stays 0 after the last event")
    } else {
      survival = Nullable(nil)
      stdErr = Nullable(nil)
      lower = Nullable(nil)
      upper = Nullable(nil)
      note = Nullable(
        "beyond the last observation (day \(day), censored): nobody is at risk, S(t) is not estimated")
    }
  }

  /// A time in days as the notes print it: whole days without decimals.
  static func format(_ day: Double) -> String {
    day == day.rounded() && abs(day) < 1e15 ? String(Int(day)) : String(day)
  }
}
