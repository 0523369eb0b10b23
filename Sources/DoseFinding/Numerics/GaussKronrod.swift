/// Adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod; Kronrod 1965, the pair used
/// by QUADPACK's QAG and R's `integrate`). The interval is bisected until the |K15 − G7| error
/// estimate of every component is below `absoluteTolerance + relativeTolerance·|whole estimate|`.
///
/// The integrand returns up to four components at once (`SIMD4<Double>`) so that, e.g., a
/// posterior's normalising constant, first moment and a tail probability share evaluations.
/// Nothing is allocated: subdivision is by recursion on the stack.
public enum GaussKronrod {
  /// Positive Kronrod nodes on [−1, 1]; odd indices (1, 3, 5) and 7 (= 0) are the Gauss nodes.
  static let nodes: [Double] = [
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0,
  ]
  /// Kronrod weights for `nodes`.
  static let kronrodWeights: [Double] = [
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
  ]
  /// Gauss weights for nodes 1, 3, 5 and 7.
  static let gaussWeights: [Double] = [
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
  ]

  /// ∫ₐᵇ f(x) dx, componentwise: [a, b] is cut into `panels` equal panels, and each is bisected
  /// until its error estimate is below its share of `absoluteTolerance + relativeTolerance·|I|`,
  /// where |I| is the largest component of the first-pass estimate of the whole integral (so
  /// negligible tails are not refined to a relative accuracy of their own).
  public static func integrate(
    from a: Double, to b: Double, panels: Int = 1, relativeTolerance: Double = 1e-11,
    absoluteTolerance: Double = 0, maxDepth: Int = 40,
    _ f: (Double) -> SIMD4<Double>
  ) -> SIMD4<Double> {
    precondition(panels >= 1, "at least one panel")
    let width = (b - a) / Double(panels)
    return withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: 2 * panels) { buffer in
      var whole = SIMD4<Double>.zero
      for i in 0..<panels {
        let left = a + Double(i) * width
        let (estimate, error) = rule(left, left + width, f)
        buffer[2 * i] = estimate
        buffer[2 * i + 1] = error
        whole += estimate
      }
      let tolerance =
        (absoluteTolerance + relativeTolerance * magnitude(whole).max()) / Double(panels)
      var total = SIMD4<Double>.zero
      for i in 0..<panels {
        let left = a + Double(i) * width
        total += refine(
          left, left + width, estimate: buffer[2 * i], error: buffer[2 * i + 1],
          tolerance: tolerance, depth: maxDepth, f)
      }
      return total
    }
  }

  /// Accepts `estimate` on [a, b] when `error` is within `tolerance`, else bisects.
  private static func refine(
    _ a: Double, _ b: Double, estimate: SIMD4<Double>, error: SIMD4<Double>, tolerance: Double,
    depth: Int, _ f: (Double) -> SIMD4<Double>
  ) -> SIMD4<Double> {
    if error.max() <= tolerance || depth == 0 { return estimate }
    let mid = 0.5 * (a + b)
    let (left, leftError) = rule(a, mid, f)
    let (right, rightError) = rule(mid, b, f)
    let half = 0.5 * tolerance
    return refine(a, mid, estimate: left, error: leftError, tolerance: half, depth: depth - 1, f)
      + refine(mid, b, estimate: right, error: rightError, tolerance: half, depth: depth - 1, f)
  }

  /// The K15 estimate on [a, b] and its error estimate |K15 − G7|.
  static func rule(_ a: Double, _ b: Double, _ f: (Double) -> SIMD4<Double>) -> (
    SIMD4<Double>, SIMD4<Double>
  ) {
    let center = 0.5 * (a + b)
    let halfLength = 0.5 * (b - a)
    let fc = f(center)
    var kronrod = fc * kronrodWeights[7]
    var gauss = fc * gaussWeights[3]
    for i in 0..<7 {
      let dx = halfLength * nodes[i]
      let sum = f(center - dx) + f(center + dx)
      kronrod += sum * kronrodWeights[i]
      if i % 2 == 1 { gauss += sum * gaussWeights[i / 2] }
    }
    let error: SIMD4<Double> = (kronrod - gauss) * halfLength
    return (kronrod * halfLength, magnitude(error))
  }

  private static func magnitude(_ v: SIMD4<Double>) -> SIMD4<Double> {
    v.replacing(with: -v, where: v .< 0)
  }
}
