/// The equivalence interval [φ − ε₁, φ + ε₂] of i3+3 and mTPI-2: doses whose DLT rate lies in it
/// are treated as the MTD (Ji et al. 2010; Liu, Wang & Ji 2020).
public struct EquivalenceInterval: Sendable, Hashable {
  /// φ − ε₁.
  public var lower: Double
  /// φ + ε₂.
  public var upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// [φ − 0.05, φ + 0.05], the interval of the FIND 0.1.1 examples (0.25 ± 0.05).
  public static func around(_ target: Double, halfWidth: Double = 0.05) -> Self {
    Self(lower: target - halfWidth, upper: target + halfWidth)
  }

  /// Comparisons of an observed rate y/n against the bounds are made in exact arithmetic on the
  /// decimal bounds the user typed: a tolerance of 1e-12 absorbs binary rounding (7/20 vs 0.35).
  static let tolerance = 1e-12

  func isBelow(_ rate: Double) -> Bool { rate < lower - Self.tolerance }
  func isAtMostUpper(_ rate: Double) -> Bool { rate <= upper + Self.tolerance }
}
