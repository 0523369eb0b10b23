/// A parsed JSON text together with its source, so that positions can be turned into
/// `FILE:LINE:COLUMN` when (and only when) an error needs them.
///
/// A document is a class so that the many ``JSONReader``s walking it share one reference.
public final class JSONDocument: Sendable {
  /// The top-level value.
  public let root: JSONValue
  /// The file name used in locations (a path as given, or a label such as `<json>`).
  public let file: String
  /// The line of the file on which the text starts (an NDJSON record on line 17 starts on 17).
  public let firstLine: Int
  private let bytes: [UInt8]

  /// The file name of documents that did not come from a file.
  public static let unnamed = "<json>"

  /// Parses `bytes` as one strict JSON value (RFC 8259: no comments, no trailing commas, no
  /// duplicate keys, no leading zeros; at most 64 levels of nesting).
  ///
  /// - Throws: ``InputError`` of kind ``InputError/Kind/malformed`` at the line and column of
  ///   the first syntax error.
  public init(parsing bytes: [UInt8], file: String = JSONDocument.unnamed, firstLine: Int = 1)
    throws(InputError)
  {
    self.bytes = bytes
    self.file = file
    self.firstLine = firstLine
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw InputError(.malformed, field: "", expected: error.expected, found: error.found)
        .located(at: Self.location(at: error.offset, in: bytes, file: file, firstLine: firstLine))
    }
  }

  /// Parses UTF-8 text.
  public convenience init(parsing text: String, file: String = JSONDocument.unnamed, firstLine: Int = 1)
    throws(InputError)
  {
    try self.init(parsing: Array(text.utf8), file: file, firstLine: firstLine)
  }

  /// A reader of the top-level value (field path empty).
  public var reader: JSONReader { JSONReader(root, path: "", document: self) }

  /// The line and column (1-based, counting Unicode scalars) of byte `offset`.
  public func location(at offset: Int) -> SourceLocation {
    Self.location(at: offset, in: bytes, file: file, firstLine: firstLine)
  }

  /// The text of the number literal that starts at `offset`, as written (`6.4e1`).
  func literal(at offset: Int) -> String? {
    guard offset >= 0, offset < bytes.count else { return nil }
    var end = offset
    while end < bytes.count, "+-.eE0123456789".utf8.contains(bytes[end]) { end += 1 }
    return end > offset ? String(decoding: bytes[offset..<end], as: UTF8.self) : nil
  }

  private static func location(at offset: Int, in bytes: [UInt8], file: String, firstLine: Int)
    -> SourceLocation
  {
    var line = firstLine
    var column = 1
    for byte in bytes[0..<min(max(offset, 0), bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(file: file, line: line, column: column)
  }
}
