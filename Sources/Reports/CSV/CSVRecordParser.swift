import Inputs

/// Splits CSV text into records of fields (RFC 4180), noting where each record and field starts.
enum CSVRecordParser {
  static func records(_ text: String, file: String) throws(InputError) -> [CSVTable.Row] {
    var rows: [CSVTable.Row] = []
    var fields: [String] = []
    var positions: [CSVTable.Position] = []
    var field = ""
    var inQuotes = false
    var fieldWasQuoted = false
    var line = 1
    var column = 1
    var rowStart = 1
    var fieldStart = CSVTable.Position(line: 1, column: 1)
    var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]

    func endField() {
      fields.append(field)
      positions.append(fieldStart)
      field = ""
    }
    func endRow() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
        rows.append(CSVTable.Row(line: rowStart, fields: fields, positions: positions))
      }
      fields = []
      positions = []
      fieldWasQuoted = false
    }
    func located(_ expected: String, found: String, _ line: Int, _ column: Int) -> InputError {
      InputError(
        .malformed, field: "", expected: expected, found: found,
        location: SourceLocation(file: file, line: line, column: column))
    }

    while let ch = characters.popFirst() {
      if inQuotes {
        if ch == "\"" {
          if characters.first == "\"" {
            characters.removeFirst()
            field.append("\"")
            column += 2
          } else {
            inQuotes = false
            column += 1
          }
        } else {
          field.append(ch)
          if ch == "\n" || ch == "\r\n" || ch == "\r" {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
        continue
      }
      switch ch {
      case "\"":
        guard field.trimmingCharacters(in: " \t").isEmpty else {
          throw located("a quote only at the start of a field", found: "a quote inside a field", line, column)
        }
        field = ""
        inQuotes = true
        fieldWasQuoted = true
        column += 1
      case ",":
        endField()
        column += 1
        fieldStart = CSVTable.Position(line: line, column: column)
      case "\n", "\r\n", "\r":
        endRow()
        line += 1
        column = 1
        rowStart = line
        fieldStart = CSVTable.Position(line: line, column: 1)
      default:
        field.append(ch)
        column += 1
      }
    }
    if inQuotes {
      throw located("a closing quote", found: "the end of the file", fieldStart.line, fieldStart.column)
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
    return rows
  }
}
