import Inputs

/// A CSV text (RFC 4180: quoted fields, doubled quotes, CRLF, a leading byte-order mark) read into
/// named columns, keeping where each field starts so that every error names file, line and column.
///
/// Reading is text in, values out: the caller reads the file (the CLI) or the request body (a
/// server). Every problem is an ``InputError`` located at the field, with the column name as its
/// field: `subjects.csv:4:12: dose_level: expected a whole number, found "abc"`.
public struct CSVTable: Sendable, Hashable {
  /// One data record.
  public struct Row: Sendable, Hashable {
    /// 1-based line where the record starts.
    public let line: Int
    /// The raw fields, in header order.
    public let fields: [String]
    /// Where each field starts (1-based line and column, in characters).
    public let positions: [Position]
  }

  /// The line and column where a field starts.
  public struct Position: Sendable, Hashable {
    public let line: Int
    public let column: Int
  }

  /// The file name used in error locations, as the caller gave it.
  public let file: String
  /// Column names, trimmed.
  public let header: [String]
  /// Data records; blank lines are skipped.
  public let rows: [Row]
  /// Where each column name starts on the header line.
  public let headerPositions: [Position]

  /// Parses `text`; `file` names it in errors.
  /// - Throws: ``InputError`` for an empty text, a repeated column name, a record with the wrong
  ///   number of fields, an unterminated or misplaced quote.
  public init(text: String, file: String) throws(InputError) {
    self.file = file
    var records = try CSVRecordParser.records(text, file: file)
    guard !records.isEmpty else {
      throw InputError(
        .malformed, field: "", expected: "a header line", found: "an empty file",
        location: SourceLocation(file: file, line: 1, column: 1))
    }
    let first = records.removeFirst()
    let header = first.fields.map { $0.trimmingCharacters(in: " \t") }
    for (index, name) in header.enumerated() where header[..<index].contains(name) {
      throw InputError(
        .malformed, field: name, expected: "each column once in the header", found: "a second column \(name)",
        location: SourceLocation(
          file: file, line: first.positions[index].line, column: first.positions[index].column))
    }
    for record in records where record.fields.count != header.count {
      throw InputError(
        .malformed, field: "",
        expected: "\(header.count) fields (\(header.joined(separator: ",")))",
        found: "\(record.fields.count)", location: SourceLocation(file: file, line: record.line, column: 1))
    }
    self.header = header
    self.headerPositions = first.positions
    self.rows = records
  }

  /// Fails unless every `required` column is present and, when `allowed` is given, every column is
  /// one of `required` + `allowed` (fixed-layout files, where a misspelt optional column would
  /// otherwise be ignored silently).
  public func check(required: [String], allowed: [String]? = nil) throws(InputError) {
    for name in required where !header.contains(name) {
      throw InputError(
        .missing, field: name, expected: "a column \(name)",
        found: "columns " + header.joined(separator: ", "),
        location: SourceLocation(file: file, line: 1, column: 1))
    }
    guard let allowed else { return }
    for (index, name) in header.enumerated() where !required.contains(name) && !allowed.contains(name) {
      throw InputError.unknownField(name, allowed: required + allowed)
        .located(
          at: SourceLocation(
            file: file, line: headerPositions[index].line, column: headerPositions[index].column))
    }
  }

  /// The index of the column `name`, which a caller chose (a command-line option, a form field
  /// named `field`); the error lists the columns that exist.
  public func column(_ name: String, field: String) throws(InputError) -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw InputError(
        .notFound, field: field, expected: "a column of \(file) (\(header.joined(separator: ", ")))",
        found: "\"\(name)\"")
    }
    return index
  }

  /// The trimmed field of `row` in column `name` ("" when the column is absent).
  public func string(_ row: Row, _ name: String) -> String {
    guard let index = header.firstIndex(of: name) else { return "" }
    return string(row, at: index)
  }

  /// The trimmed field of `row` in column `index`.
  public func string(_ row: Row, at index: Int) -> String {
    row.fields[index].trimmingCharacters(in: " \t")
  }

  /// Where the field of `row` in column `name` starts (the row's start when the column is absent).
  public func location(_ row: Row, _ name: String) -> SourceLocation {
    guard let index = header.firstIndex(of: name) else {
      return SourceLocation(file: file, line: row.line, column: 1)
    }
    return SourceLocation(file: file, line: row.positions[index].line, column: row.positions[index].column)
  }

  /// An error for the field of `row` in column `name`: `expected`, found the field's text.
  public func error(
    _ row: Row, _ name: String, expected: String, kind: InputError.Kind = .invalidValue
  ) -> InputError {
    let text = string(row, name)
    return InputError(
      kind, field: name, expected: expected, found: text.isEmpty ? "nothing" : "\"\(text)\"",
      location: location(row, name))
  }
}

extension String {
  /// The string without leading and trailing characters of `set`.
  func trimmingCharacters(in set: String) -> String {
    guard let first = firstIndex(where: { !set.contains($0) }),
      let last = lastIndex(where: { !set.contains($0) })
    else { return "" }
    return String(self[first...last])
  }
}
