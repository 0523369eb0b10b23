/// Evidence text assembled directly as UTF-8 bytes. Written with string interpolation like a
/// `String` (`"age \(number: years) y"`), but numbers, dates and spans are written digit by
/// digit into one inline buffer: no intermediate strings and, for notes up to
/// ``InlineUTF8/capacity`` bytes (99.5 % of the seed protocols' notes), no allocation at all.
struct EvidenceText: ExpressibleByStringInterpolation {
  var utf8: InlineUTF8

  init(stringLiteral value: StaticString) {
    utf8 = InlineUTF8()
    EvidenceText.append(value, to: &utf8)
  }
  init(stringInterpolation: Interpolation) { utf8 = stringInterpolation.utf8 }

  /// The text's bytes as an array.
  var bytes: [UInt8] { utf8.withBytes { Array($0) } }

  /// The text as a `String`.
  var string: String { utf8.withBytes { String(decoding: $0, as: UTF8.self) } }

  mutating func append(_ other: EvidenceText) {
    other.utf8.withBytes { utf8.appendUTF8($0) }
  }

  /// Literals are static strings: copying their UTF-8 is a `memcpy`.
  static func append<Sink: UTF8Sink>(_ literal: StaticString, to sink: inout Sink) {
    literal.withUTF8Buffer { sink.appendUTF8($0) }
  }

  /// A string's UTF-8, copied from its contiguous storage.
  static func append<Sink: UTF8Sink>(_ text: String, to sink: inout Sink) {
    if text.utf8.withContiguousStorageIfAvailable({ sink.appendUTF8($0) }) == nil {
      var copy = text
      copy.withUTF8 { sink.appendUTF8($0) }
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
    var utf8 = InlineUTF8()

    init(literalCapacity: Int, interpolationCount: Int) {}

    mutating func appendLiteral(_ literal: StaticString) { EvidenceText.append(literal, to: &utf8) }
    mutating func appendInterpolation(_ text: String) { EvidenceText.append(text, to: &utf8) }
    mutating func appendInterpolation(_ text: EvidenceText) { text.utf8.withBytes { utf8.appendUTF8($0) } }
    mutating func appendInterpolation(_ n: Int) { NumberWriter.append(n, to: &utf8) }
    mutating func appendInterpolation(_ date: CivilDate) { NumberWriter.append(date, to: &utf8) }
    /// `formatNumber(x, decimals:)`, written in place.
    mutating func appendInterpolation(number x: Double, decimals: Int = 2) {
      NumberWriter.append(x, decimals: decimals, to: &utf8)
    }
    /// `CalendarSpan.description`, written in place.
    mutating func appendInterpolation(_ span: CalendarSpan) {
      NumberWriter.append(span.amount, decimals: 4, to: &utf8)
      utf8.appendUTF8(byte: UInt8(ascii: " "))
      EvidenceText.append(span.unit.rawValue, to: &utf8)
    }
    /// ` to END` for an event with an end date, `, ongoing at screening` for an ongoing one,
    /// nothing for a one-day event.
    mutating func appendInterpolation(span event: HistoryEvent) {
      if let end = event.endDate {
        EvidenceText.append(" to ", to: &utf8)
        NumberWriter.append(end, to: &utf8)
      } else if event.ongoing == true {
        EvidenceText.append(", ongoing at screening,", to: &utf8)
      }
    }
    /// ` within SPAN before ANCHOR (DATE)` (the window's anchor names its side), ` in history`,
    /// or (no span) the window's own text.
    mutating func appendInterpolation(_ window: Window) {
      guard let span = window.span else {
        // No span: the whole history, or the window's own text (` in plans`, ` after consent …`).
        if window.anchor.isEmpty {
          EvidenceText.append(" in history", to: &utf8)
        } else {
          EvidenceText.append(window.anchor, to: &utf8)
        }
        return
      }
      EvidenceText.append(" within ", to: &utf8)
      appendInterpolation(span)
      EvidenceText.append(" ", to: &utf8)
      EvidenceText.append(window.anchor, to: &utf8)
      EvidenceText.append(window.date, to: &utf8)
    }
    /// `prefix` followed by `date`, or nothing when the date is not recorded.
    mutating func appendInterpolation(_ prefix: StaticString, ifRecorded date: CivilDate?) {
      guard let date else { return }
      EvidenceText.append(prefix, to: &utf8)
      NumberWriter.append(date, to: &utf8)
    }
    /// `prefix` followed by `text`, or nothing when there is no text.
    mutating func appendInterpolation(_ prefix: StaticString, ifRecorded text: String?) {
      guard let text else { return }
      EvidenceText.append(prefix, to: &utf8)
      EvidenceText.append(text, to: &utf8)
    }
  }
}

/// Decimal writing of numbers and dates into UTF-8 buffers, with exactly the output of
/// ``formatNumber(_:decimals:)`` and `CivilDate.description`.
enum NumberWriter {
  /// A non-negative integer, left-padded with zeros to `width` (≤ 20) digits: the digits are
  /// formed on the stack and appended at once.
  static func append<Sink: UTF8Sink>(digitsOf n: Int, width: Int = 1, to bytes: inout Sink) {
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
      bytes.appendUTF8(UnsafeBufferPointer(rebasing: digits[i...]))
    }
  }

  static func append<Sink: UTF8Sink>(_ n: Int, to bytes: inout Sink) {
    if n >= 0 {
      append(digitsOf: n, to: &bytes)
    } else {
      EvidenceText.append(String(n), to: &bytes)
    }
  }

  /// `YYYY-MM-DD`, as `CivilDate.description`.
  static func append<Sink: UTF8Sink>(_ date: CivilDate, to bytes: inout Sink) {
    let (y, m, d) = date.components
    guard (0...9999).contains(y) else {
      EvidenceText.append(date.description, to: &bytes)
      return
    }
    append(digitsOf: y, width: 4, to: &bytes)
    bytes.appendUTF8(byte: UInt8(ascii: "-"))
    append(digitsOf: m, width: 2, to: &bytes)
    bytes.appendUTF8(byte: UInt8(ascii: "-"))
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
  static func append<Sink: UTF8Sink>(_ x: Double, decimals: Int, to bytes: inout Sink) {
    let magnitude = abs(x)
    guard x.isFinite, magnitude < 1e9, magnitude >= 1e-3 || x == 0 else {
      EvidenceText.append("\(x)", to: &bytes)
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
    if x < 0, scaled != 0 { bytes.appendUTF8(byte: UInt8(ascii: "-")) }
    append(digitsOf: whole, to: &bytes)
    guard digits > 0 else { return }
    bytes.appendUTF8(byte: UInt8(ascii: "."))
    append(digitsOf: fraction, width: digits, to: &bytes)
  }
}

/// Where UTF-8 bytes are written: a byte array, or an ``InlineUTF8`` buffer.
protocol UTF8Sink {
  mutating func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>)
  mutating func appendUTF8(byte: UInt8)
}

extension Array: UTF8Sink where Element == UInt8 {
  mutating func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
  mutating func appendUTF8(byte: UInt8) { append(byte) }
}

/// UTF-8 bytes kept inline (on the stack, no allocation) up to ``capacity`` bytes, and in an
/// array beyond.
struct InlineUTF8: UTF8Sink {
  static var capacity: Int { 152 }
  private var storage:
    (
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  private(set) var count = 0
  private var overflow: [UInt8]?

  mutating func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if overflow == nil, count + bytes.count <= InlineUTF8.capacity {
      let offset = count
      withUnsafeMutableBytes(of: &storage) { raw in
        (raw.baseAddress! + offset).copyMemory(from: source, byteCount: bytes.count)
      }
      count += bytes.count
      return
    }
    if overflow == nil {
      var heap: [UInt8] = []
      heap.reserveCapacity(2 * (count + bytes.count))
      withBytes { heap.append(contentsOf: $0) }
      overflow = heap
    }
    overflow!.append(contentsOf: bytes)
    count += bytes.count
  }

  mutating func appendUTF8(byte: UInt8) {
    if overflow == nil, count < InlineUTF8.capacity {
      let offset = count
      withUnsafeMutableBytes(of: &storage) { $0[offset] = byte }
      count += 1
    } else {
      var byte = byte
      withUnsafePointer(to: &byte) { appendUTF8(UnsafeBufferPointer(start: $0, count: 1)) }
    }
  }

  /// Calls `body` with the bytes written so far.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let overflow { return overflow.withUnsafeBufferPointer(body) }
    let count = self.count
    return withUnsafeBytes(of: storage) { raw in
      body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
    }
  }
}
