/// Evidence text assembled directly as UTF-8 bytes. Written with string interpolation like a
/// `String` (`"age \(number: years) y"`), but numbers, dates and spans are written digit by
/// digit into one byte buffer: no intermediate strings, which dominated the cost of full
/// screening reports.
struct EvidenceText: ExpressibleByStringInterpolation {
  var bytes: [UInt8]

  init(stringLiteral value: StaticString) {
    bytes = []
    EvidenceText.append(value, to: &bytes)
  }
  init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

  /// Literals are static strings: copying their UTF-8 is a `memcpy`.
  static func append(_ literal: StaticString, to bytes: inout [UInt8]) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A string's UTF-8, copied from its contiguous storage.
  static func append(_ text: String, to bytes: inout [UInt8]) {
    if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
      bytes.append(contentsOf: text.utf8)
    }
  }

  /// The time window of a `within` selection, written as ` within SPAN before ANCHOR (DATE)`.
  struct Window {
    var span: CalendarSpan?
    var anchor: String
    var date: String
  }

  struct Interpolation: StringInterpolationProtocol {
    typealias StringLiteralType = StaticString
    var bytes: [UInt8] = []

    init(literalCapacity: Int, interpolationCount: Int) {
      // Room for typical numbers and labels, so that a note rarely grows its buffer.
      bytes.reserveCapacity(max(128, literalCapacity + 40 * interpolationCount))
    }

    mutating func appendLiteral(_ literal: StaticString) { EvidenceText.append(literal, to: &bytes) }
    mutating func appendInterpolation(_ text: String) { EvidenceText.append(text, to: &bytes) }
    mutating func appendInterpolation(_ text: EvidenceText) { bytes.append(contentsOf: text.bytes) }
    mutating func appendInterpolation(_ n: Int) { NumberWriter.append(n, to: &bytes) }
    mutating func appendInterpolation(_ date: CivilDate) { NumberWriter.append(date, to: &bytes) }
    /// `formatNumber(x, decimals:)`, written in place.
    mutating func appendInterpolation(number x: Double, decimals: Int = 2) {
      NumberWriter.append(x, decimals: decimals, to: &bytes)
    }
    /// `CalendarSpan.description`, written in place.
    mutating func appendInterpolation(_ span: CalendarSpan) {
      NumberWriter.append(span.amount, decimals: 4, to: &bytes)
      bytes.append(UInt8(ascii: " "))
      EvidenceText.append(span.unit.rawValue, to: &bytes)
    }
    /// ` within SPAN before ANCHOR (DATE)`, or ` in history`.
    mutating func appendInterpolation(_ window: Window) {
      guard let span = window.span else {
        EvidenceText.append(" in history", to: &bytes)
        return
      }
      EvidenceText.append(" within ", to: &bytes)
      appendInterpolation(span)
      EvidenceText.append(" before ", to: &bytes)
      EvidenceText.append(window.anchor, to: &bytes)
      EvidenceText.append(window.date, to: &bytes)
    }
    /// `prefix` followed by `date`, or nothing when the date is not recorded.
    mutating func appendInterpolation(_ prefix: StaticString, ifRecorded date: CivilDate?) {
      guard let date else { return }
      EvidenceText.append(prefix, to: &bytes)
      NumberWriter.append(date, to: &bytes)
    }
    /// `prefix` followed by `text`, or nothing when there is no text.
    mutating func appendInterpolation(_ prefix: StaticString, ifRecorded text: String?) {
      guard let text else { return }
      EvidenceText.append(prefix, to: &bytes)
      EvidenceText.append(text, to: &bytes)
    }
  }
}

/// Decimal writing of numbers and dates into UTF-8 buffers, with exactly the output of
/// ``formatNumber(_:decimals:)`` and `CivilDate.description`.
enum NumberWriter {
  /// A non-negative integer, left-padded with zeros to `width` (≤ 20) digits: the digits are
  /// formed on the stack and appended at once.
  static func append(digitsOf n: Int, width: Int = 1, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var value = n
      var i = 20
      repeat {
        i -= 1
        digits[i] = UInt8(truncatingIfNeeded: 48 + value % 10)
        value /= 10
      } while value > 0 && i > 0
      while 20 - i < width && i > 0 {
        i -= 1
        digits[i] = UInt8(ascii: "0")
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
    }
  }

  static func append(_ n: Int, to bytes: inout [UInt8]) {
    if n >= 0 {
      append(digitsOf: n, to: &bytes)
    } else {
      bytes.append(contentsOf: String(n).utf8)
    }
  }

  /// `YYYY-MM-DD`, as `CivilDate.description`.
  static func append(_ date: CivilDate, to bytes: inout [UInt8]) {
    let (y, m, d) = date.components
    guard (0...9999).contains(y) else {
      bytes.append(contentsOf: date.description.utf8)
      return
    }
    append(digitsOf: y, width: 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    append(digitsOf: m, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    append(digitsOf: d, width: 2, to: &bytes)
  }

  /// 10^decimals, exact (every power up to 10²² is a double).
  private static func pow10(_ decimals: Int) -> Double {
    switch decimals {
    case 0: 1
    case 1: 10
    case 2: 100
    case 3: 1e3
    case 4: 1e4
    default:
      (0..<decimals).reduce(1.0) { scale, _ in scale * 10 }
    }
  }

  /// At most `decimals` (0–6) decimals, rounded half away from zero, trailing zeros removed;
  /// magnitudes ≥ 10⁹ or < 10⁻³ (and non-finite values) in Swift's shortest representation.
  static func append(_ x: Double, decimals: Int, to bytes: inout [UInt8]) {
    let magnitude = abs(x)
    guard x.isFinite, magnitude < 1e9, magnitude >= 1e-3 || x == 0 else {
      bytes.append(contentsOf: "\(x)".utf8)
      return
    }
    let scale = pow10(decimals)
    let scaled = (magnitude * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = Int(scaled - Double(whole) * scale)
    var digits = decimals
    while digits > 0, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    if x < 0, scaled != 0 { bytes.append(UInt8(ascii: "-")) }
    append(digitsOf: whole, to: &bytes)
    guard digits > 0 else { return }
    bytes.append(UInt8(ascii: "."))
    append(digitsOf: fraction, width: digits, to: &bytes)
  }
}
