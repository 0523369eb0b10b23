/// Sorting of floating-point times in O(n): least-significant-digit radix sort on the bit patterns,
/// mapped so that unsigned order is numeric order.
enum RadixSort {
  /// Below this many values the standard library's comparison sort is faster.
  static let threshold = 2_048

  /// `values` in ascending order; −0 counts as +0, as `==` does. NaN must not occur.
  static func sorted(_ values: [Double]) -> [Double] {
    guard values.count >= threshold else { return values.sorted() }
    var keys = values.map { key($0 + 0) }
    var scratch = [UInt64](repeating: 0, count: keys.count)
    // The eight byte histograms in one pass.
    var counts = [Int](repeating: 0, count: 8 * 256)
    for key in keys {
      for digit in 0..<8 { counts[digit << 8 | Int(truncatingIfNeeded: key >> (8 * digit)) & 0xFF] += 1 }
    }
    for digit in 0..<8 {
      let base = digit << 8
      // A byte that every key shares leaves the order as it is.
      if counts[base..<base + 256].contains(keys.count) { continue }
      var offset = 0
      for index in base..<base + 256 {
        let count = counts[index]
        counts[index] = offset
        offset += count
      }
      let shift = UInt64(8 * digit)
      for key in keys {
        let slot = base | Int(truncatingIfNeeded: key >> shift) & 0xFF
        scratch[counts[slot]] = key
        counts[slot] += 1
      }
      swap(&keys, &scratch)
    }
    return keys.map(value)
  }

  /// An unsigned key in the order of the doubles: the sign bit flipped for positives, every bit
  /// flipped for negatives.
  static func key(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
  }

  /// The double of a ``key(_:)``.
  static func value(_ key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }
}
