import Analysis

/// A one-pass reader of survival columns straight from the bytes of a CSV file: no string, array
/// or dictionary per row, only the needed fields parsed (10⁶ rows in tens of milliseconds).
///
/// It reads the common case — ASCII fields in the needed columns, no quotes, well-formed values —
/// and answers `nil` for anything else (a quote, a bad or missing value, a missing column, a
/// non-ASCII group name, an unusual number spelling that it does not parse itself...), so that the
/// caller reads the file with ``CSVTable`` and ``CSVTable/survivalGroups(time:event:group:)``,
/// which give the same groups or the located error. The two readers are compared in
/// `ReadersTests`.
enum SurvivalCSVScanner {
  /// The byte classes the scanner stops at.
  private enum Class: UInt8 {
    case plain = 0, comma, newline, quote, nonASCII
  }

  private static let classes: [UInt8] = (0..<256).map { byte -> UInt8 in
    switch byte {
    case 0x2C: Class.comma.rawValue
    case 0x0A, 0x0D: Class.newline.rawValue
    case 0x22: Class.quote.rawValue
    case 0x80...: Class.nonASCII.rawValue
    default: Class.plain.rawValue
    }
  }

  /// The groups of ``CSVTable/survivalGroups(time:event:group:)`` for the CSV `bytes`, or `nil`
  /// when the general reader is needed.
  static func groups(_ bytes: UnsafeBufferPointer<UInt8>, time: String, event: String, group: String?)
    -> [SurvivalGroup]?
  {
    var scanner = Cursor(bytes: bytes)
    // A UTF-8 byte-order mark, as CSVTable drops it.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.position = 3 }
    guard let header = scanner.headerFields() else { return nil }
    guard Set(header).count == header.count, let timeColumn = header.firstIndex(of: time),
      let eventColumn = header.firstIndex(of: event)
    else { return nil }
    let groupColumn: Int?
    if let group {
      guard let index = header.firstIndex(of: group) else { return nil }
      groupColumn = index
    } else {
      groupColumn = nil
    }
    var table = GroupTable()
    var observations: [[SurvivalObservation]] = []
    if groupColumn == nil {
      table.names.append(Array("all".utf8))
      observations.append([])
    }
    while !scanner.atEnd {
      // A blank line is skipped, as CSVTable does.
      if scanner.skipNewline() { continue }
      var timeValue = 0.0
      var eventValue = false
      var groupIndex = 0
      var column = 0
      while true {
        guard let field = scanner.field() else { return nil }
        // Needed fields in ASCII only: trimming and case then mean the same as for characters.
        if field.hasNonASCII, column == timeColumn || column == eventColumn || column == groupColumn {
          return nil
        }
        if column == timeColumn {
          guard let value = Self.number(field.trimmed), value >= 0 else { return nil }
          timeValue = value
        }
        if column == eventColumn {
          guard let flag = Self.flag(field.trimmed) else { return nil }
          eventValue = flag
        }
        if column == groupColumn {
          groupIndex = table.index(of: field.trimmed)
          if groupIndex == observations.count { observations.append([]) }
        }
        column += 1
        if field.endsRow { break }
      }
      guard column == header.count else { return nil }
      observations[groupIndex].append(SurvivalObservation(time: timeValue, event: eventValue))
    }
    guard observations.contains(where: { !$0.isEmpty }) else { return nil }
    if scanner.sawNonASCII, String(validating: bytes, as: UTF8.self) == nil { return nil }
    let groups = zip(table.names, observations).filter { !$0.1.isEmpty }.map {
      SurvivalGroup(name: String(decoding: $0.0, as: UTF8.self), observations: $0.1)
    }
    return groups.sorted { CSVTable.factorOrder($0.name, $1.name) }
  }

  /// One field: its bytes, trimmed of spaces and tabs, and whether it ends its row.
  struct Field {
    var trimmed: UnsafeBufferPointer<UInt8>
    var endsRow: Bool
    var hasNonASCII: Bool
  }

  /// A position in the bytes.
  struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let classes = SurvivalCSVScanner.classes
    var position = 0
    var sawNonASCII = false

    var atEnd: Bool { position >= bytes.count }

    /// Consumes a line end (LF, CR or CRLF) at the position, if there is one.
    mutating func skipNewline() -> Bool {
      guard position < bytes.count else { return false }
      switch bytes[position] {
      case 0x0A:
        position += 1
        return true
      case 0x0D:
        position += 1
        if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        return true
      default: return false
      }
    }

    /// The next field; nil at a quote, or at a non-ASCII byte right after a comma (where the
    /// general reader's characters would join the two).
    mutating func field() -> Field? {
      let start = position
      var nonASCII = false
      var end = bytes.count
      var endsRow = true
      scan: while position < bytes.count {
        switch classes[Int(bytes[position])] {
        case Class.plain.rawValue: position += 1
        case Class.comma.rawValue:
          end = position
          endsRow = false
          position += 1
          if position < bytes.count, bytes[position] >= 0x80 { return nil }
          break scan
        case Class.newline.rawValue:
          end = position
          _ = skipNewline()
          break scan
        case Class.nonASCII.rawValue:
          nonASCII = true
          sawNonASCII = true
          position += 1
        default: return nil
        }
      }
      var first = start
      var last = end
      while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
      while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
      let trimmed = UnsafeBufferPointer(rebasing: bytes[first..<last])
      return Field(trimmed: trimmed, endsRow: endsRow, hasNonASCII: nonASCII)
    }

    /// The trimmed column names of the first line, nil when it needs the general reader.
    mutating func headerFields() -> [String]? {
      if atEnd || bytes[position] >= 0x80 { return nil }
      var names: [String] = []
      while true {
        guard let field = field(), !field.hasNonASCII else { return nil }
        names.append(String(decoding: field.trimmed, as: UTF8.self))
        if field.endsRow { return names }
      }
    }
  }

  /// Group names seen so far, found again without allocating: the last match first, then each
  /// name (files have few groups).
  struct GroupTable {
    var names: [[UInt8]] = []
    var last = 0

    /// The index of `name`, appended when new.
    mutating func index(of name: UnsafeBufferPointer<UInt8>) -> Int {
      if last < names.count, names[last].elementsEqual(name) { return last }
      if let found = names.firstIndex(where: { $0.elementsEqual(name) }) {
        last = found
        return found
      }
      names.append(Array(name))
      last = names.count - 1
      return last
    }
  }

  /// The number a field spells, as `Double(String)` reads it: digits with an optional fraction
  /// are converted here, exactly (Clinger's fast path: an integer below 2⁵³ divided by a power of
  /// ten up to 10²² is correctly rounded); other spellings go through `Double(String)`.
  static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var simple = !field.isEmpty
    for byte in field {
      if byte >= 0x30, byte <= 0x39 {
        digits += 1
        if digits > 18 {
          simple = false
          break
        }
        mantissa = mantissa * 10 + UInt64(byte - 0x30)
        if seenPoint { fractionDigits += 1 }
      } else if byte == 0x2E, !seenPoint {
        seenPoint = true
      } else {
        simple = false
        break
      }
    }
    // "5." and ".5" are left to Double(String), as is everything unusual.
    if simple, field.first != 0x2E, field.last != 0x2E, mantissa < 1 << 53, fractionDigits <= 22 {
      return Double(mantissa) / powersOfTen[fractionDigits]
    }
    guard let value = Double(String(decoding: field, as: UTF8.self)), value.isFinite else { return nil }
    return value
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// The event indicator a field spells (1/0, true/false, yes/no, y/n in any case), as
  /// ``CSVTable/flag(_:_:)`` reads it.
  static func flag(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
    for (spelling, value) in flagSpellings where spelling.count == field.count {
      let matches = zip(spelling, field).allSatisfy { letter, byte in
        (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == letter
      }
      if matches { return value }
    }
    return nil
  }

  private static let flagSpellings: [([UInt8], Bool)] = [
    ("1", true), ("0", false), ("true", true), ("false", false), ("yes", true), ("no", false), ("y", true),
    ("n", false),
  ].map { (Array($0.0.utf8), $0.1) }
}

extension SurvivalGroup {
  /// The survival groups of a CSV text given as UTF-8 `bytes`, read in one pass without a value
  /// per field; `nil` when the text needs ``CSVTable`` (a quote, a value or column in error, a
  /// non-ASCII group name), whose ``CSVTable/survivalGroups(time:event:group:)`` then gives the
  /// same groups or the located error.
  public static func scan(csv bytes: [UInt8], time: String, event: String, group: String?)
    -> [SurvivalGroup]?
  {
    bytes.withUnsafeBufferPointer { SurvivalCSVScanner.groups($0, time: time, event: event, group: group) }
  }
}
