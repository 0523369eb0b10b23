/// Nonlinear least squares by the Levenberg–Marquardt method.
///
/// Levenberg K. Q Appl Math 1944;2:164–168; Marquardt DW. J SIAM 1963;11:431–441. Steps solve
/// (JᵀJ + λ·diag(JᵀJ))·δ = −Jᵀr; λ shrinks after a successful step and grows after a failed one.
/// The Jacobian is by central differences unless one is supplied.
public struct LevenbergMarquardt: Sendable, Hashable {
  /// Maximum number of accepted or rejected steps.
  public var maxIterations: Int
  /// Stop when the relative decrease of the sum of squares, or the relative step, is below this.
  public var tolerance: Double
  /// Starting damping λ.
  public var initialDamping: Double

  public init(maxIterations: Int = 500, tolerance: Double = 1e-12, initialDamping: Double = 1e-3) {
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.initialDamping = initialDamping
  }

  /// The outcome of a minimisation.
  public struct Result: Sendable, Hashable {
    /// The parameters at the minimum.
    public let parameters: [Double]
    /// Residuals at the minimum.
    public let residuals: [Double]
    /// Σ r², the objective at the minimum.
    public let sumOfSquares: Double
    /// Jacobian ∂rᵢ/∂θⱼ at the minimum (rows = residuals).
    public let jacobian: [[Double]]
    /// Number of iterations used.
    public let iterations: Int
    /// Whether a convergence criterion was met (rather than the iteration limit).
    public let converged: Bool

    /// The asymptotic covariance σ̂²(JᵀJ)⁻¹ with σ̂² = Σr²/(n − p); nil if JᵀJ is singular or
    /// n ≤ p.
    public var covariance: [[Double]]? {
      let n = residuals.count
      let p = parameters.count
      guard n > p, let inverse = LinearAlgebra.inverse(LevenbergMarquardt.normalMatrix(jacobian)) else {
        return nil
      }
      let variance = sumOfSquares / Double(n - p)
      return inverse.map { $0.map { $0 * variance } }
    }
  }

  /// Minimises Σ rᵢ(θ)² from `start`. Non-finite residuals count as an infinite objective.
  public func minimize(
    start: [Double], residuals: ([Double]) -> [Double], jacobian: (([Double]) -> [[Double]])? = nil
  ) -> Result {
    func jacobianOf(_ theta: [Double]) -> [[Double]] {
      jacobian?(theta) ?? Self.centralDifferences(residuals, at: theta)
    }
    var theta = start
    var r = residuals(theta)
    var objective = Self.sumOfSquares(r)
    var j = jacobianOf(theta)
    var lambda = initialDamping
    var converged = false
    var iteration = 0
    while iteration < maxIterations, !converged {
      iteration += 1
      let a = Self.normalMatrix(j)
      let gradient = (0..<theta.count).map { k in zip(j, r).reduce(0) { $0 + $1.0[k] * $1.1 } }
      var damped = a
      for k in theta.indices { damped[k][k] += lambda * max(a[k][k], 1e-12) }
      let step = LinearAlgebra.solveSymmetric(damped, gradient.map { -$0 })
      let candidate = zip(theta, step).map(+)
      let candidateResiduals = residuals(candidate)
      let candidateObjective = Self.sumOfSquares(candidateResiduals)
      if candidateObjective < objective {
        let decrease = (objective - candidateObjective) / max(objective, 1e-300)
        let stepSize = zip(step, theta).map { abs($0) / (abs($1) + 1e-8) }.max() ?? 0
        theta = candidate
        r = candidateResiduals
        objective = candidateObjective
        j = jacobianOf(theta)
        lambda = max(lambda / 10, 1e-12)
        converged = decrease < tolerance || stepSize < tolerance
      } else {
        lambda *= 10
        converged = lambda > 1e12
      }
    }
    return Result(
      parameters: theta, residuals: r, sumOfSquares: objective, jacobian: j, iterations: iteration,
      converged: converged)
  }

  static func sumOfSquares(_ r: [Double]) -> Double {
    let s = r.reduce(0) { $0 + $1 * $1 }
    return s.isFinite ? s : .infinity
  }

  /// JᵀJ, each entry summed over the rows in order; the lower triangle mirrors the upper one
  /// (the same products, so the same sums, at half the work).
  static func normalMatrix(_ j: [[Double]]) -> [[Double]] {
    let p = j.first?.count ?? 0
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
    for a in 0..<p {
      for b in a..<p {
        let sum = j.reduce(0) { $0 + $1[a] * $1[b] }
        matrix[a][b] = sum
        matrix[b][a] = sum
      }
    }
    return matrix
  }

  /// ∂rᵢ/∂θⱼ by central differences with step 1e-6·max(1, |θⱼ|).
  static func centralDifferences(_ f: ([Double]) -> [Double], at theta: [Double]) -> [[Double]] {
    let n = f(theta).count
    var rows = [[Double]](repeating: [Double](repeating: 0, count: theta.count), count: n)
    for k in theta.indices {
      let h = 1e-6 * max(1, abs(theta[k]))
      var up = theta
      var down = theta
      up[k] += h
      down[k] -= h
      let fUp = f(up)
      let fDown = f(down)
      for i in 0..<n { rows[i][k] = (fUp[i] - fDown[i]) / (2 * h) }
    }
    return rows
  }
}
