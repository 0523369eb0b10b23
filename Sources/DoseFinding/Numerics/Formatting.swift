import Foundation

/// `x` with `digits` decimals, for explanations.
func decimal(_ x: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", x)
}
