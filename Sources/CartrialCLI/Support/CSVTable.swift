import Analysis
import Foundation
import TrialModel

/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF) read into named columns, keeping
/// each row's line number so that every error names the file and line.
struct CSVTable {
  /// One data row.
  struct Row {
    /// 1-based line number where the row starts.
    let line: Int
    let fields: [String]
  }

  let path: String
  let header: [String]
  let rows: [Row]

  /// Reads and parses the file at `path`.
  static func read(_ path: String) throws -> CSVTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the file (missing or unreadable)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError("\(path): not UTF-8 text")
    }
    return try CSVTable(text: text, path: path)
  }

  init(text: String, path: String) throws {
    self.path = path
    var records = try Self.records(text, path: path)
    guard !records.isEmpty else { throw CLIError("\(path): empty file, expected a header line") }
    let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
    for (index, name) in header.enumerated() where header[..<index].contains(name) {
      throw CLIError("\(path):1: column '\(name)' appears twice in the header")
    }
    for record in records where record.fields.count != header.count {
      throw CLIError(
        "\(path):\(record.line): expected \(header.count) fields (\(header.joined(separator: ","))), found \(record.fields.count)"
      )
    }
    self.header = header
    self.rows = records
  }

  /// Fails unless every `required` column is present and, when `allowed` is given, every column
  /// is one of `required` + `allowed` (fixed-layout files, where a misspelt optional column would
  /// otherwise be ignored silently).
  func check(required: [String], allowed: [String]? = nil) throws {
    for name in required where !header.contains(name) {
      throw CLIError("\(path):1: missing column '\(name)'; found columns: \(header.joined(separator: ", "))")
    }
    if let allowed {
      for name in header where !required.contains(name) && !allowed.contains(name) {
        throw CLIError(
          "\(path):1: unknown column '\(name)'; expected: \((required + allowed).joined(separator: ", "))")
      }
    }
  }

  /// The index of a column named on the command line (`option`, e.g. "--time").
  func column(_ name: String, option: String) throws -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw CLIError(
        "\(option) \(name): \(path) has no such column; found: \(header.joined(separator: ", "))")
    }
    return index
  }

  /// The trimmed field of `row` in column `name` ("" when the column is absent).
  func string(_ row: Row, _ name: String) -> String {
    guard let index = header.firstIndex(of: name) else { return "" }
    return row.fields[index].trimmingCharacters(in: .whitespaces)
  }

  /// A finite number in column `name`.
  func number(_ row: Row, _ name: String) throws -> Double {
    let text = string(row, name)
    guard let value = Double(text), value.isFinite else {
      throw CLIError("\(path):\(row.line): column '\(name)': expected a number, found '\(text)'")
    }
    return value
  }

  /// A number ≥ 0 in column `name`.
  func nonNegative(_ row: Row, _ name: String) throws -> Double {
    let value = try number(row, name)
    guard value >= 0 else {
      throw CLIError(
        "\(path):\(row.line): column '\(name)': expected a value ≥ 0, found \(string(row, name))")
    }
    return value
  }

  /// An optional ISO date (YYYY-MM-DD) in column `name`; empty means none.
  func date(_ row: Row, _ name: String) throws -> CalendarDate? {
    let text = string(row, name)
    if text.isEmpty { return nil }
    guard let day = CalendarDate(iso: text) else {
      throw CLIError("\(path):\(row.line): column '\(name)': expected a date YYYY-MM-DD, found '\(text)'")
    }
    return day
  }

  /// An event indicator: 1/0, true/false, yes/no (any case).
  func flag(_ row: Row, _ name: String) throws -> Bool {
    let text = string(row, name)
    switch text.lowercased() {
    case "1", "true", "yes", "y": return true
    case "0", "false", "no", "n": return false
    default:
      throw CLIError(
        "\(path):\(row.line): column '\(name)': expected 1/0, true/false or yes/no, found '\(text)'")
    }
  }

  /// Splits text into records of fields, honouring quotes; blank lines are skipped.
  static func records(_ text: String, path: String) throws -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var rowStart = 1
    var fieldWasQuoted = false
    var iterator = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
    var pending: Character? = nil
    func endRow() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
        rows.append(Row(line: rowStart, fields: fields))
      }
      fields = []
      field = ""
      fieldWasQuoted = false
    }
    while let ch = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if ch == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.append("\"")
          } else {
            inQuotes = false
            pending = next
          }
        } else {
          if ch == "\n" || ch == "\r\n" { line += 1 }
          field.append(ch)
        }
        continue
      }
      switch ch {
      case "\"":
        guard field.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw CLIError("\(path):\(line): a quote inside an unquoted field")
        }
        field = ""
        inQuotes = true
        fieldWasQuoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r\n", "\r":
        endRow()
        line += 1
        rowStart = line
      default:
        field.append(ch)
      }
    }
    if inQuotes { throw CLIError("\(path):\(rowStart): unterminated quoted field") }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
    return rows
  }
}

extension CSVTable {
  /// Concentration–time profiles from columns `subject,time,conc` (time in days), in order of
  /// first appearance. Errors name the line: non-numeric or negative values, duplicate times
  /// within a subject.
  func concentrationProfiles() throws -> [(subject: String, profile: ConcentrationProfile)] {
    try check(required: ["subject", "time", "conc"])
    var order: [String] = []
    var samples: [String: [(time: Double, conc: Double, line: Int)]] = [:]
    for row in rows {
      let subject = string(row, "subject")
      guard !subject.isEmpty else { throw CLIError("\(path):\(row.line): column 'subject' is empty") }
      let time = try nonNegative(row, "time")
      let conc = try nonNegative(row, "conc")
      if let earlier = samples[subject]?.first(where: { $0.time == time }) {
        throw CLIError(
          "\(path):\(row.line): duplicate time \(string(row, "time")) for subject \(subject) (also on line \(earlier.line))"
        )
      }
      if samples[subject] == nil { order.append(subject) }
      samples[subject, default: []].append((time, conc, row.line))
    }
    return try order.map { subject in
      let list = samples[subject]!
      return (subject, try ConcentrationProfile(times: list.map(\.time), concentrations: list.map(\.conc)))
    }
  }
}

// MARK: - Text tables

/// A plain-text table with aligned columns, for the commands' text output.
struct TextTable {
  let header: [String]
  private(set) var rows: [[String]] = []

  init(header: [String]) { self.header = header }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// Columns separated by two spaces, padded to their widest cell; cells that start like a number
  /// (including "12 ± 3" and "—") right-aligned.
  func render() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      row.indices.map { column in
        let cell = row[column]
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        let numeric = cell.first.map { $0.isNumber || $0 == "-" || $0 == "—" } ?? false
        return column == 0 || !numeric ? cell + pad : pad + cell
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
  }

  /// A number with up to 6 significant digits ("—" for none).
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.6g", value)
  }
}
