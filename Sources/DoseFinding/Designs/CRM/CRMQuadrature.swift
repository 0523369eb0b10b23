import RealModule

/// A fixed composite Gauss–Legendre rule for the CRM posterior integrals of one design, with the
/// log prior and the per-dose log p_d(β) and log(1 − p_d(β)) tabulated at its nodes once: a fit is
/// then, per node, a dot product of the counts with the tables plus one exponential.
///
/// The nodes cover [−``halfWidth``, ``halfWidth``] in panels of width ≤ ``panelWidth`` with
/// ``order`` Gauss–Legendre points each; a panel boundary is placed at the β where p₁(β) = φ so
/// that Pr(p₁ > φ | data) is a sum over whole panels. The range, panel width and order are
/// validated against the adaptive Gauss–Kronrod integrator (``CRMPosterior/adaptiveFit``) in
/// `CRMQuadratureTests`; a fit whose integrand is not negligible (< e⁻⁴⁰ of its peak) at both ends
/// of the range, or whose posterior is narrower than ``minimumStandardDeviation`` (the narrowest
/// validated: 0.0735, logistic model, 60 patients), falls back to the adaptive integrator.
struct CRMQuadrature: Sendable {
  /// Half-width of the β range: the N(0, 1.34) prior puts e⁻⁴⁹ of its mass beyond ±11.5, and
  /// binomial likelihoods are bounded by 1, so the posterior tail beyond it is negligible.
  static let halfWidth = 11.5
  /// Maximum panel width.
  static let panelWidth = 0.5
  /// Gauss–Legendre points per panel.
  static let order = 16
  /// Posterior SDs (for σ² = 1.34) below this use the adaptive integrator.
  static let minimumStandardDeviation = 0.073

  let nodeCount: Int
  /// β at each node, increasing.
  let nodes: [Double]
  /// log wₖ − βₖ²/(2σ²): log quadrature weight plus log prior density (up to a constant).
  let logWeightedPrior: [Double]
  /// log p_d(βₖ) at index d·nodeCount + k.
  let logP: [Double]
  /// log(1 − p_d(βₖ)) at index d·nodeCount + k.
  let logQ: [Double]
  /// Nodes before this index have β below the crossing, i.e. p₁(β) > φ.
  let crossingIndex: Int
  /// The range scaled to the prior SD (the validated range is for σ² = 1.34).
  private let scale: Double

  init(labels: [Double], skeleton: [Double], model: CRMWorkingModel, priorVariance: Double, target: Double) {
    scale = max(1, (priorVariance / 1.34).squareRoot())
    let lower = -Self.halfWidth * scale
    let upper = Self.halfWidth * scale
    var cuts = [lower, upper]
    if let c = model.beta(whereProbabilityOf: skeleton[0], equals: target), c > lower, c < upper {
      cuts = [lower, c, upper]
    }
    let rule = GaussLegendre.rule(order: Self.order)
    var nodes: [Double] = []
    var logWeights: [Double] = []
    var crossingIndex = 0
    for (a, b) in zip(cuts, cuts.dropFirst()) {
      let panels = max(1, Int(((b - a) / Self.panelWidth).rounded(.up)))
      let h = (b - a) / Double(panels)
      for panel in 0..<panels {
        let mid = a + (Double(panel) + 0.5) * h
        for (x, w) in zip(rule.nodes, rule.weights) {
          nodes.append(mid + 0.5 * h * x)
          logWeights.append(Double.log(0.5 * h * w))
        }
      }
      if b < upper { crossingIndex = nodes.count }
    }
    if cuts.count == 2, let c = model.beta(whereProbabilityOf: skeleton[0], equals: target), c >= upper {
      crossingIndex = nodes.count
    }
    self.nodes = nodes
    self.nodeCount = nodes.count
    self.crossingIndex = crossingIndex
    logWeightedPrior = zip(nodes, logWeights).map { $1 - $0 * $0 / (2 * priorVariance) }
    var logP: [Double] = []
    var logQ: [Double] = []
    for x in labels {
      for beta in nodes {
        let (p, q) = model.logProbabilities(doseLabel: x, beta: beta)
        logP.append(p)
        logQ.append(q)
      }
    }
    self.logP = logP
    self.logQ = logQ
  }

  /// Posterior moments (β̂, SD(β), Pr(p₁ > φ)) for `counts`, or `nil` when the rule is not
  /// accurate for them (see the type's documentation). Allocates nothing on the heap.
  func moments(_ counts: [DoseCounts]) -> (mean: Double, standardDeviation: Double, overdose: Double)? {
    let n = nodeCount
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { log in
      logWeightedPrior.withUnsafeBufferPointer { prior in
        for k in 0..<n { log[k] = prior[k] }
      }
      logP.withUnsafeBufferPointer { logP in
        logQ.withUnsafeBufferPointer { logQ in
          for (d, c) in counts.enumerated() where c.patients > 0 {
            let y = Double(c.dlts)
            let f = Double(c.patients - c.dlts)
            let base = d * n
            for k in 0..<n { log[k] += y * logP[base + k] + f * logQ[base + k] }
          }
        }
      }
      var peak = -Double.infinity
      for k in 0..<n { peak = max(peak, log[k]) }
      guard log[0] < peak - 40, log[n - 1] < peak - 40 else { return nil }
      let cutoff = peak - 50
      // Sums of g, g·β and g·β² below and above the crossing, g = integrand / peak.
      func sums(_ range: Range<Int>) -> SIMD3<Double> {
        nodes.withUnsafeBufferPointer { beta in
          var sum = SIMD3<Double>.zero
          for k in range where log[k] > cutoff {
            let g = Double.exp(log[k] - peak)
            sum += SIMD3(g, g * beta[k], g * beta[k] * beta[k])
          }
          return sum
        }
      }
      let below = sums(0..<crossingIndex)
      let sum = below + sums(crossingIndex..<n)
      let mean = sum[1] / sum[0]
      let variance = max(0, sum[2] / sum[0] - mean * mean)
      let sd = variance.squareRoot()
      guard sd >= Self.minimumStandardDeviation * scale else { return nil }
      return (mean, sd, below[0] / sum[0])
    }
  }
}
