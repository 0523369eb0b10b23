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
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
          || v == 0xFFFE || v == 0xFFFF
        {
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

  /// A comment line; the text's own line breaks (any of YAML 1.1's: LF, CR, NEL, LS, PS) become
  /// further comment lines and characters YAML does not allow in a stream become spaces.
  mutating func comment(_ text: String, indent: Int = 0) {
    var clean = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: clean += "\n"
      case 0x09, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...: clean.unicodeScalars.append(scalar)
      default: clean += " "
      }
    }
    for part in clean.split(separator: "\n", omittingEmptySubsequences: false) {
      line("# " + part, indent: indent)
    }
  }

  mutating func line(_ content: String, indent: Int = 0) {
    text += String(repeating: " ", count: indent) + content + "\n"
  }
}
