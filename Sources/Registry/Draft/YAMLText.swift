/// Writes protocol YAML line by line: double-quoted scalars, two-space indentation.
struct YAMLText {
  var text = ""

  /// A YAML double-quoted scalar (YAML 1.2 §7.3.1): backslash, quote, control characters and
  /// the YAML line breaks (U+0085, U+2028, U+2029) and BOM escaped, everything else as is.
  static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
          out += "\\u" + String(repeating: "0", count: 4 - String(v, radix: 16).count) + String(v, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `[a, b]` of quoted strings.
  static func list(_ values: [String]) -> String {
    "[" + values.map(quoted).joined(separator: ", ") + "]"
  }

  /// `{value: V, assumption: "…"}`, or `V` when there is no assumption.
  static func assumed(_ value: String, _ assumption: String?) -> String {
    guard let assumption else { return value }
    return "{value: \(value), assumption: \(quoted(assumption))}"
  }

  /// A comment line; the text's own line breaks become further comment lines.
  mutating func comment(_ text: String, indent: Int = 0) {
    for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
      line("# " + part, indent: indent)
    }
  }

  mutating func line(_ content: String, indent: Int = 0) {
    text += String(repeating: " ", count: indent) + content + "\n"
  }
}
