import Foundation

/// How reports and command output write numbers.
public enum Format {
  /// A number with up to 6 significant digits, whole numbers without a decimal point; "—" for
  /// none or a non-finite value.
  public static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.6g", value)
  }

  /// A proportion as a percentage with one decimal: 0.516 → "51.6%".
  public static func percent(_ p: Double) -> String { String(format: "%.1f%%", p * 100) }
}
