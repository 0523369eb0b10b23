import TestSupport
import Testing

@testable import Eligibility

/// The byte writers behind evidence text must produce exactly what the `String`-based
/// formatting they replaced produced (same verdict evidence, byte for byte).
struct EvidenceTextTests {
  /// The number formatting evidence used before ``NumberWriter`` (kept verbatim as the reference).
  static func legacyFormatNumber(_ x: Double, decimals: Int = 2) -> String {
    guard x.isFinite else { return "\(x)" }
    if abs(x) >= 1e9 || (abs(x) < 1e-3 && x != 0) { return "\(x)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = Int(scaled - Double(whole) * scale)
    var digits = decimals
    while digits > 0, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let sign = x < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let text = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
  }

  /// The `CivilDate.description` padding used before ``NumberWriter``.
  static func legacyDate(_ date: CivilDate) -> String {
    let (y, m, d) = date.components
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  static func written(_ x: Double, decimals: Int) -> String {
    let text: EvidenceText = "\(number: x, decimals: decimals)"
    return String(decoding: text.bytes, as: UTF8.self)
  }

  static let edgeCases: [Double] = [
    0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, 0.995, -0.995, 141.472, 1e-7, -1e-7, 1e-3, 0.000_999_9, 0.001_000_1,
    1e12, -1e12, 1e9, 999_999_999.999_9, 999_999_999.4, 0.125, 0.375, 0.005, 0.015, 0.025, 1.005, 2.675,
    1.000_05, 9.999_95, 99.995, 0.049_999_9, 72.05, 72.15, 27.45, 88.42, 1 / 3, 2 / 3, .pi, .ulpOfOne,
    .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, .nan, 123_456_789.123_456,
  ]

  @Test func numberWriterMatchesTheLegacyFormatterOnEdgeCases() {
    for x in Self.edgeCases {
      for decimals in 0...6 {
        #expect(Self.written(x, decimals: decimals) == Self.legacyFormatNumber(x, decimals: decimals))
        #expect(formatNumber(x, decimals: decimals) == Self.legacyFormatNumber(x, decimals: decimals))
      }
    }
  }

  @Test func numberWriterMatchesTheLegacyFormatterOnRandomValues() {
    var g = SeededGenerator(seed: 2026)
    var mismatches: [String] = []
    for i in 0..<200_000 {
      let decimals = Int.random(in: 0...6, using: &g)
      let x: Double
      switch i % 4 {
      case 0:  // any magnitude, either sign
        x =
          Double.random(in: 1...10, using: &g) * pow10(Int.random(in: -9...13, using: &g))
          * (Bool.random(using: &g) ? 1 : -1)
      case 1:  // rounding ties at the last kept decimal: k.5 × 10^-decimals
        x = (Double(Int.random(in: -100_000...100_000, using: &g)) + 0.5) / pow10(decimals)
      case 2:  // short decimals as typed in records (72.1, 0.995, 141.472)
        x =
          Double(Int.random(in: -2_000_000...2_000_000, using: &g)) / pow10(Int.random(in: 0...4, using: &g))
      default:  // clinical ranges
        x = Double.random(in: 0...400, using: &g)
      }
      let new = Self.written(x, decimals: decimals)
      let old = Self.legacyFormatNumber(x, decimals: decimals)
      if new != old, mismatches.count < 5 { mismatches.append("\(x) (\(decimals)): \(new) ≠ \(old)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }

  private func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<abs(n) { p *= 10 }
    return n < 0 ? 1 / p : p
  }

  @Test func datesIntegersAndSpansAreWrittenAsTheirDescriptions() {
    var g = SeededGenerator(seed: 7)
    for _ in 0..<20_000 {
      let date = CivilDate(dayNumber: Int.random(in: -800_000...3_000_000, using: &g))
      let dateText: EvidenceText = "\(date)"
      #expect(String(decoding: dateText.bytes, as: UTF8.self) == Self.legacyDate(date))
      let n = Int.random(in: -1_000_000...1_000_000, using: &g)
      let intText: EvidenceText = "\(n)"
      #expect(String(decoding: intText.bytes, as: UTF8.self) == String(n))
    }
    for amount in [0, 0.5, 1, 3, 6, 8, 12, 100, 1.234_56, 2.000_04] {
      for unit in [CalendarSpan.Unit.days, .weeks, .months, .years] {
        let span = CalendarSpan(amount: amount, unit: unit)
        let text: EvidenceText = "\(span)"
        #expect(
          String(decoding: text.bytes, as: UTF8.self)
            == "\(Self.legacyFormatNumber(amount, decimals: 4)) \(unit.rawValue)")
      }
    }
  }

  @Test func literalsAndStringsKeepTheirUTF8() {
    let label = "CrCl ≥ 30 mL/min (Cockcroft–Gault)"
    let text: EvidenceText =
      "× \(label), m² \(" by ", ifRecorded: "flow cytometry")\(" on ", ifRecorded: nil as String?)"
    #expect(String(decoding: text.bytes, as: UTF8.self) == "× \(label), m²  by flow cytometry")
  }

  @Test func textsLongerThanTheInlineBufferMoveToTheHeapIntact() {
    for length in [0, 1, InlineUTF8.capacity - 1, InlineUTF8.capacity, InlineUTF8.capacity + 1, 1_000] {
      let piece = "ab–\(length)"
      var expected = ""
      var text: EvidenceText = ""
      while expected.utf8.count < length {
        expected += piece + " ≥ 1.5"
        text.append("\(piece) ≥ \(number: 1.5)")
      }
      #expect(text.string == expected)
      #expect(text.bytes == Array(expected.utf8))
    }
  }
}
