extension JSONValue {
  /// The value in words for a person reading a log: members as `key value` separated by
  /// commas, a nested object in parentheses, an array in brackets, `yes`/`no` for booleans
  /// (`{"day": 1, "crs": {"temperatureCelsius": 38.2}}` → `day 1, crs (temperatureCelsius 38.2)`).
  public var plainText: String {
    switch content {
    case .object(let members): members.map { "\($0.key) \($0.value.nestedPlainText)" }.joined(separator: ", ")
    default: nestedPlainText
    }
  }

  private var nestedPlainText: String {
    switch content {
    case .null: "—"
    case .bool(let b): b ? "yes" : "no"
    case .number: jsonText
    case .string(let s): s
    case .array(let items): "[" + items.map(\.nestedPlainText).joined(separator: ", ") + "]"
    case .object: "(" + plainText + ")"
    }
  }

  /// The value as compact JSON text (members in document order), e.g. to keep an object given
  /// inside a larger document as a text of its own.
  public var jsonText: String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch content {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x):
      out += x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    case .string(let s): Self.quote(s, into: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, m) in members.enumerated() {
        if i > 0 { out += "," }
        Self.quote(m.key, into: &out)
        out += ":"
        m.value.write(to: &out)
      }
      out += "}"
    }
  }

  private static func quote(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
