import RealModule

/// Bayesian fit of a CRM working model: β ~ N(0, σ²), binomial likelihood of the per-dose counts.
///
/// dfcrm `crm()` (Cheung 2011, §3.2–3.3): the posterior mean β̂ = ∫β L(β)π(β)dβ / ∫L(β)π(β)dβ is
/// found by numerical integration and the plug-in estimates p̂_d = p_d(β̂) (not the posterior
/// means of p_d) are used. The integrals use a fixed Gauss–Legendre rule precomputed per design
/// (``CRMQuadrature``), validated against, and falling back to, adaptive Gauss–Kronrod (G7/K15) over the region
/// where the log integrand is within 36 of its maximum (e⁻³⁶ ≈ 2e-16) (located on a grid of step 0.5 over
/// [−15σ, 15σ], which holds all but e⁻¹¹² of the prior mass), in panels of width ≤ 2, to a
/// relative tolerance of 1e-11 of the whole integral (on the pessimistic |K15 − G7| error estimate).
public struct CRMPosterior: Sendable, Hashable {
  /// Posterior mean of β.
  public var betaMean: Double
  /// Posterior standard deviation of β.
  public var betaStandardDeviation: Double
  /// Plug-in DLT probabilities p_d(β̂), per dose.
  public var toxicity: [Double]
  /// Pr(p₁ > φ | data): posterior probability that the lowest dose is above the target.
  public var lowestDoseOverdoseProbability: Double
}

extension CRMPosterior {
  /// Fits the model to `counts` with the design's precomputed fixed rule (``CRMQuadrature``),
  /// falling back to ``adaptiveFit(counts:labels:skeleton:model:priorVariance:target:)`` where
  /// that rule is not validated.
  static func fit(
    counts: [DoseCounts], quadrature: CRMQuadrature, labels: [Double], skeleton: [Double],
    model: CRMWorkingModel, priorVariance: Double, target: Double
  ) -> CRMPosterior {
    guard let m = quadrature.moments(counts) else {
      return adaptiveFit(
        counts: counts, labels: labels, skeleton: skeleton, model: model, priorVariance: priorVariance,
        target: target)
    }
    return CRMPosterior(
      betaMean: m.mean, betaStandardDeviation: m.standardDeviation,
      toxicity: skeleton.map { model.probability(skeleton: $0, beta: m.mean) },
      lowestDoseOverdoseProbability: m.overdose)
  }

  /// Fits the model to `counts` (one entry per skeleton value) by adaptive quadrature: the
  /// reference for ``CRMQuadrature`` and its fallback.
  static func adaptiveFit(
    counts: [DoseCounts], labels: [Double], skeleton: [Double], model: CRMWorkingModel,
    priorVariance: Double, target: Double
  ) -> CRMPosterior {
    let sigma = priorVariance.squareRoot()
    // log L(β) + log π(β), up to a constant.
    func logIntegrand(_ beta: Double) -> Double {
      var total = -beta * beta / (2 * priorVariance)
      let expBeta = Double.exp(beta)
      for (j, c) in counts.enumerated() where c.patients > 0 {
        let (logP, logQ) = model.logProbabilities(doseLabel: labels[j], expBeta: expBeta)
        if c.dlts > 0 { total += Double(c.dlts) * logP }
        if c.patients > c.dlts { total += Double(c.patients - c.dlts) * logQ }
      }
      return total
    }
    let bound = 15 * sigma
    let step = 0.5
    var peak = -Double.infinity
    var grid: [Double] = []
    var values: [Double] = []
    var beta = -bound
    while beta <= bound {
      let value = logIntegrand(beta)
      grid.append(beta)
      values.append(value)
      peak = max(peak, value)
      beta += step
    }
    let kept = values.indices.filter { values[$0] > peak - 36 }
    let lower = max(-bound, grid[kept.first!] - step)
    let upper = min(bound, grid[kept.last!] + step)
    let crossing = model.beta(whereProbabilityOf: skeleton[0], equals: target)
    func moments(_ a: Double, _ b: Double) -> SIMD4<Double> {
      guard b > a else { return .zero }
      return GaussKronrod.integrate(
        from: a, to: b, panels: max(1, Int((0.5 * (b - a)).rounded(.up))), relativeTolerance: 1e-11
      ) { x in
        let g = Double.exp(logIntegrand(x) - peak)
        return SIMD4(g, x * g, x * x * g, 0)
      }
    }
    var below = SIMD4<Double>.zero
    var above: SIMD4<Double>
    if let c = crossing, c > lower, c < upper {
      below = moments(lower, c)
      above = moments(c, upper)
    } else {
      above = moments(lower, upper)
      if let c = crossing, c >= upper { swap(&below, &above) }
    }
    let whole = below + above
    let mean = whole[1] / whole[0]
    let variance = max(0, whole[2] / whole[0] - mean * mean)
    return CRMPosterior(
      betaMean: mean, betaStandardDeviation: variance.squareRoot(),
      toxicity: skeleton.map { model.probability(skeleton: $0, beta: mean) },
      lowestDoseOverdoseProbability: below[0] / whole[0])
  }

  /// dfcrm's recommended dose: the first dose minimising |p̂_d − φ|.
  public func recommendedDose(target: Double) -> Int {
    var best = 0
    for d in toxicity.indices where abs(toxicity[d] - target) < abs(toxicity[best] - target) {
      best = d
    }
    return best
  }
}
