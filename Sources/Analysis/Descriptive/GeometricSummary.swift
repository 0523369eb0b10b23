import RealModule

/// The geometric mean and geometric coefficient of variation of positive values, the usual summary
/// of log-normally distributed kinetic parameters (Cmax, AUC).
///
/// With `y = ln x` over the positive values, mean `ȳ` and sample variance `s²` (divisor n − 1):
/// geometric mean `exp(ȳ)` and geometric CV `√(exp(s²) − 1)` (Kirkwood 1979, Biometrics 35:908;
/// the summary of Cmax and AUC0–28d in the Kymriah EU SmPC §5.2).
public struct GeometricSummary: Sendable, Hashable, Codable {
  /// How many positive values were summarised (zeros and negatives are left out: BLQ has no log).
  public let count: Int
  /// `exp(mean of ln x)`.
  public let geometricMean: Double
  /// `√(exp(s²) − 1)` as a fraction (0.5 = 50%); `nil` with fewer than two values.
  public let coefficientOfVariation: Double?

  /// The summary of the positive entries of `values`; `nil` when there are none.
  public init?(_ values: [Double]) {
    let logs = values.filter { $0 > 0 && $0.isFinite }.map { Double.log($0) }
    guard !logs.isEmpty else { return nil }
    let mean = logs.reduce(0, +) / Double(logs.count)
    count = logs.count
    geometricMean = Double.exp(mean)
    if logs.count >= 2 {
      let variance = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
      coefficientOfVariation = Double.expMinusOne(variance).squareRoot()
    } else {
      coefficientOfVariation = nil
    }
  }
}
