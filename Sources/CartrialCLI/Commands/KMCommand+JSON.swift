import Reports

/// The JSON of `cartrial km`, written directly as UTF-8 in chunks: byte for byte what
/// `Output.json` (JSONEncoder, pretty-printed, sorted keys) prints — `KMCommandTests` compares the
/// two — at a fraction of the time and memory, since a curve of 10⁶ subjects has up to 10⁶ steps.
enum SurvivalJSON {
  /// Writes `summary` and a newline to the command output.
  static func write(_ summary: SurvivalSummary) {
    var writer = Writer()
    writer.summary(summary)
    writer.append("\n")
    writer.flush()
  }

  /// `summary` as `Output.json` prints it (for tests).
  static func string(_ summary: SurvivalSummary) -> String {
    var writer = Writer(flushes: false)
    writer.summary(summary)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  struct Writer {
    var bytes: [UInt8] = []
    let flushes: Bool

    init(flushes: Bool = true) {
      self.flushes = flushes
      bytes.reserveCapacity(1 << 20)
    }

    mutating func append(_ text: String) {
      var text = text
      text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Sends the buffer to the output once it holds a megabyte (at the end: always).
    mutating func flush(ifLarger limit: Int = 0) {
      guard flushes, bytes.count > limit else { return }
      bytes.withUnsafeBytes { Output.write(bytes: $0) }
      bytes.removeAll(keepingCapacity: true)
    }

    /// `"key" : ` at `indent` spaces.
    mutating func key(_ name: String, _ indent: Int) {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
      append("\"\(name)\" : ")
    }

    /// A number as JSONEncoder spells it: shortest round-trip digits, without a trailing ".0".
    mutating func number(_ value: Double) {
      guard value.isFinite else {
        return append(value.isNaN ? "\"NaN\"" : value > 0 ? "\"Infinity\"" : "\"-Infinity\"")
      }
      var text = value.description
      if text.hasSuffix(".0") { text.removeLast(2) }
      append(text)
    }

    mutating func number(_ value: Double?) {
      if let value { number(value) } else { append("null") }
    }

    /// A string through JSONEncoder itself, so that every escape is spelt as it spells it.
    mutating func string(_ value: String) {
      append(
        (try? Output.jsonEncoder(pretty: false).encode(value)).map { String(decoding: $0, as: UTF8.self) }
          ?? "\"\"")
    }

    mutating func summary(_ summary: SurvivalSummary) {
      append("{\n")
      key("groups", 2)
      if summary.groups.isEmpty {
        append("[\n\n  ]")
      } else {
        append("[\n")
        for (index, group) in summary.groups.enumerated() {
          self.group(group)
          append(index == summary.groups.count - 1 ? "\n" : ",\n")
        }
        append("  ]")
      }
      append(",\n")
      key("logrank", 2)
      if let test = summary.logrank.value {
        append("{\n")
        key("chisq", 4)
        number(test.chisq)
        append(",\n")
        key("df", 4)
        append("\(test.df),\n")
        key("p", 4)
        number(test.p)
        append("\n  }")
      } else {
        append("null")
      }
      append("\n}")
    }

    mutating func group(_ group: SurvivalSummary.Group) {
      append("    {\n")
      key("events", 6)
      append("\(group.events),\n")
      key("lastObservation", 6)
      number(group.lastObservation)
      append(",\n")
      key("median", 6)
      number(group.median.value)
      append(",\n")
      key("medianCI", 6)
      append("[\n")
      for (index, limit) in group.medianCI.enumerated() {
        append("        ")
        number(limit.value)
        append(index == group.medianCI.count - 1 ? "\n" : ",\n")
      }
      append("      ],\n")
      key("n", 6)
      append("\(group.n),\n")
      key("name", 6)
      string(group.name)
      append(",\n")
      key("survival", 6)
      if group.survival.isEmpty {
        append("[\n\n      ]")
      } else {
        append("[\n")
        for (index, row) in group.survival.enumerated() {
          self.row(row)
          append(index == group.survival.count - 1 ? "\n" : ",\n")
          flush(ifLarger: 1 << 20)
        }
        append("      ]")
      }
      append("\n    }")
    }

    /// The keys of a row with their indentation, as bytes (written 10⁶ times for a large file).
    static let rowKeys: [[UInt8]] = ["lower", "nRisk", "note", "stdErr", "survival", "time", "upper"].map {
      Array((String(repeating: " ", count: 10) + "\"\($0)\" : ").utf8)
    }

    mutating func row(_ row: SurvivalSummary.Row) {
      let keys = Self.rowKeys
      append("        {\n")
      bytes += keys[0]
      number(row.lower.value)
      append(",\n")
      bytes += keys[1]
      append(String(row.nRisk))
      append(",\n")
      bytes += keys[2]
      if let note = row.note.value { string(note) } else { append("null") }
      append(",\n")
      bytes += keys[3]
      number(row.stdErr.value)
      append(",\n")
      bytes += keys[4]
      number(row.survival.value)
      append(",\n")
      bytes += keys[5]
      number(row.time)
      append(",\n")
      bytes += keys[6]
      number(row.upper.value)
      append("\n        }")
    }
  }
}
