import Reports

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

  /// A number with up to 6 significant digits ("—" for none), as ``Format/number(_:)``.
  static func number(_ value: Double?) -> String { Format.number(value) }
}
