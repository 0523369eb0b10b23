/// The median with the smallest and largest value, the usual summary of a skewed parameter such as
/// Tmax.
public struct MedianRange: Sendable, Hashable, Codable {
  /// How many values were summarised.
  public let count: Int
  /// The middle value, or the mean of the two middle values for an even count (R `median`).
  public let median: Double
  public let minimum: Double
  public let maximum: Double

  /// The summary of `values`; `nil` when it is empty.
  public init?(_ values: [Double]) {
    guard let median = Self.median(values) else { return nil }
    self.count = values.count
    self.median = median
    self.minimum = values.min()!
    self.maximum = values.max()!
  }

  /// The median of `values` (mean of the two middle ones for an even count); `nil` when empty.
  public static func median(_ values: [Double]) -> Double? {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
