import RealModule

/// Gauss–Legendre quadrature rules (Golub & Welsch 1969; nodes by Newton's method on the
/// three-term recurrence of the Legendre polynomials, Abramowitz & Stegun 25.4.29).
enum GaussLegendre {
  /// The `order`-point rule on [−1, 1]: nodes in increasing order and their weights, exact for
  /// polynomials of degree ≤ 2·order − 1.
  static func rule(order n: Int) -> (nodes: [Double], weights: [Double]) {
    precondition(n >= 1, "Gauss–Legendre order must be positive")
    var nodes = [Double](repeating: 0, count: n)
    var weights = [Double](repeating: 0, count: n)
    for i in 0..<(n + 1) / 2 {
      // Tricomi's initial guess for the i-th largest root, then Newton steps.
      var x = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
      var derivative = 0.0
      for _ in 0..<100 {
        var p0 = 1.0
        var p1 = x
        for k in stride(from: 2, through: n, by: 1) {
          let p2 = (Double(2 * k - 1) * x * p1 - Double(k - 1) * p0) / Double(k)
          p0 = p1
          p1 = p2
        }
        derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
        let step = p1 / derivative
        x -= step
        if abs(step) < 1e-16 { break }
      }
      let w = 2 / ((1 - x * x) * derivative * derivative)
      nodes[n - 1 - i] = x
      nodes[i] = -x
      weights[n - 1 - i] = w
      weights[i] = w
    }
    return (nodes, weights)
  }
}
