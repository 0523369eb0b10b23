import RealModule

/// Settings of a non-compartmental analysis; defaults are PKNCA 0.11.0's.
public struct NCAOptions: Sendable, Hashable {
  /// AUC integration method (default lin-up/log-down).
  public var aucMethod: AUCMethod
  /// BLQ handling (default: first and last kept as 0, middle dropped).
  public var blq: BLQHandling
  /// λz window selection (default: PKNCA's adjusted-R² rule).
  public var terminalPhase: TerminalPhaseSelection
  /// Lower limit of quantification: values below it are treated as BLQ (0). nil = values are used
  /// as given, 0 meaning BLQ.
  public var lloq: Double?
  /// Partial-AUC interval [start, end], e.g. 0…28 days for AUC0–28d. nil = none.
  public var interval: ClosedRange<Double>?

  public init(
    aucMethod: AUCMethod = .linUpLogDown, blq: BLQHandling = .pkncaDefault,
    terminalPhase: TerminalPhaseSelection = .pkncaDefault, lloq: Double? = nil,
    interval: ClosedRange<Double>? = nil
  ) {
    self.aucMethod = aucMethod
    self.blq = blq
    self.terminalPhase = terminalPhase
    self.lloq = lloq
    self.interval = interval
  }
}

/// Non-compartmental analysis of one profile, with PKNCA's conventions (PKNCA 0.11.0).
///
/// λz, t½ and AUCinf use the whole profile (PKNCA's 0–∞ interval); `aucInterval` covers
/// ``NCAOptions/interval``.
public struct NCAResult: Sendable, Hashable {
  /// Maximum observed concentration.
  public let cmax: Double
  /// First time at which Cmax is observed.
  public let tmax: Double
  /// Last time with a measurable (> 0) concentration.
  public let tlast: Double
  /// Concentration at Tlast.
  public let clast: Double
  /// AUC from the first sample to Tlast.
  public let auclast: Double
  /// AUC over the requested interval, nil if none was requested or it cannot be computed (it ends
  /// after Tlast without a λz). Before the first sample the level is 0 (PKNCA's `conc.origin`
  /// default for a single dose at time 0).
  public let aucInterval: Double?
  /// The terminal phase, nil when no window qualifies.
  public let terminalPhase: TerminalPhase?

  /// λz (1/time).
  public var lambdaZ: Double? { terminalPhase?.lambdaZ }
  /// t½ = ln 2/λz.
  public var halfLife: Double? { terminalPhase?.halfLife }
  /// AUCinf,obs = AUClast + Clast/λz.
  public var aucinfObserved: Double? { terminalPhase.map { auclast + clast / $0.lambdaZ } }
  /// AUCinf,pred = AUClast + Clast,pred/λz.
  public var aucinfPredicted: Double? { terminalPhase.map { auclast + $0.clastPredicted / $0.lambdaZ } }
  /// 100·(AUCinf,obs − AUClast)/AUCinf,obs (quality flag: ≤ 20%).
  public var percentExtrapolated: Double? { aucinfObserved.map { 100 * ($0 - auclast) / $0 } }
}

/// Errors of a non-compartmental analysis.
public struct NCAError: Error, CustomStringConvertible {
  public let description: String
}

extension ConcentrationProfile {
  /// Runs a non-compartmental analysis (PKNCA 0.11.0 conventions).
  /// - Throws: ``NCAError`` when no sample is measurable.
  public func nonCompartmentalAnalysis(_ options: NCAOptions = NCAOptions()) throws -> NCAResult {
    let censored = options.lloq.map { censoring(belowLLOQ: $0) } ?? self
    let clean = censored.applying(options.blq)
    let t = clean.times
    let c = clean.concentrations
    guard let lastIndex = c.lastIndex(where: { $0 > 0 }), let cmax = c.max() else {
      throw NCAError(description: "no measurable concentration (all BLQ or empty)")
    }
    let tmax = t[c.firstIndex(of: cmax)!]
    let tlast = t[lastIndex]
    let auclast = options.aucMethod.area(
      times: Array(t[...lastIndex]), concentrations: Array(c[...lastIndex]), tmax: tmax)
    let phase = options.terminalPhase.select(times: t, concentrations: c, tmax: tmax, tlast: tlast)
    let partial = options.interval.flatMap {
      Self.partialArea(
        over: $0, times: Array(t[...lastIndex]), concentrations: Array(c[...lastIndex]),
        method: options.aucMethod, tmax: tmax, lambdaZ: phase?.lambdaZ)
    }
    return NCAResult(
      cmax: cmax, tmax: tmax, tlast: tlast, clast: c[lastIndex], auclast: auclast,
      aucInterval: partial, terminalPhase: phase)
  }

  /// AUC over [start, end], interpolating at ends between samples and extrapolating after Tlast
  /// by Clast·exp(−λz·(t − Tlast)) (PKNCA `interp.extrap.conc`), integrated after Tlast by the
  /// log rule under every method (PKNCA `pk.calc.aucint`). `times` end at Tlast.
  static func partialArea(
    over interval: ClosedRange<Double>, times t: [Double], concentrations c: [Double],
    method: AUCMethod, tmax: Double, lambdaZ: Double?
  ) -> Double? {
    guard let first = t.first, let tlast = t.last else { return nil }
    // To infinity: the area up to Tlast (or from the start, when later) plus the exponential
    // tail C·exp(−λz·Δt), whose integral is C/λz — AUCinf,obs from 0 (PKNCA's aucint with end Inf).
    if interval.upperBound == .infinity {
      guard let lambdaZ, lambdaZ > 0 else { return nil }
      let start = interval.lowerBound
      let tail = c[c.count - 1] * Double.exp(-lambdaZ * max(start - tlast, 0)) / lambdaZ
      guard start < tlast else { return tail }
      return partialArea(
        over: start...tlast, times: t, concentrations: c, method: method, tmax: tmax, lambdaZ: lambdaZ
      )
      .map { $0 + tail }
    }
    func concentration(at time: Double) -> Double? {
      if let i = t.firstIndex(of: time) { return c[i] }
      if time < first { return 0 }
      if time > tlast {
        guard let lambdaZ else { return nil }
        return c[c.count - 1] * Double.exp(-lambdaZ * (time - tlast))
      }
      let after = t.firstIndex { $0 > time }!
      return method.interpolate(
        at: time, t1: t[after - 1], c1: c[after - 1], t2: t[after], c2: c[after], tmax: tmax)
    }
    guard let startC = concentration(at: interval.lowerBound),
      let endC = concentration(at: interval.upperBound)
    else { return nil }
    var times = [interval.lowerBound]
    var concs = [startC]
    for i in t.indices where t[i] > interval.lowerBound && t[i] < interval.upperBound {
      times.append(t[i])
      concs.append(c[i])
    }
    if interval.upperBound > interval.lowerBound {
      times.append(interval.upperBound)
      concs.append(endC)
    }
    // After Tlast the curve is Clast·exp(−λz·Δt); PKNCA's pk.calc.aucint integrates those
    // segments with the log rule whatever the method, which is exact for that exponential.
    var area = 0.0
    for i in times.indices.dropLast() {
      let rule = times[i] >= tlast ? AUCMethod.linUpLogDown : method
      area += rule.segmentArea(
        t1: times[i], c1: concs[i], t2: times[i + 1], c2: concs[i + 1], tmax: tmax)
    }
    return area
  }
}
