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
    var counts = [Int](repeating: 0, count: 256)
    for shift in stride(from: 0, to: 64, by: 8) {
      let shift = UInt64(shift)
      for index in counts.indices { counts[index] = 0 }
      for key in keys { counts[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
      // A digit that every key shares leaves the order as it is.
      if counts.contains(keys.count) { continue }
      var offset = 0
      for index in counts.indices {
        let count = counts[index]
        counts[index] = offset
        offset += count
      }
      for key in keys {
        let digit = Int(truncatingIfNeeded: key >> shift) & 0xFF
        scratch[counts[digit]] = key
        counts[digit] += 1
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
