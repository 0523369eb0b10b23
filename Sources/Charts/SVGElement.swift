/// One SVG (XML) element: a name, ordered attributes, children and optional text.
///
/// Rendering escapes text and attribute values, so any string is safe to put in a chart.
public struct SVGElement: Sendable, Hashable {
  /// Element name, e.g. "path".
  public var name: String
  /// Attributes in output order.
  public var attributes: [Attribute]
  /// Child elements.
  public var children: [SVGElement]
  /// Character content (escaped on output).
  public var text: String?

  /// A name–value attribute.
  public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String
  }

  public init(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil,
    children: [SVGElement] = []
  ) {
    self.name = name
    self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value) }
    self.children = children
    self.text = text
  }

  /// The element as XML text.
  public func render() -> String {
    var out = ""
    render(into: &out, depth: 0)
    return out
  }

  func render(into out: inout String, depth: Int) {
    out += String(repeating: "  ", count: depth) + "<" + name
    for attribute in attributes {
      out += " \(attribute.name)=\"\(Self.escape(attribute.value))\""
    }
    if children.isEmpty, text == nil {
      out += "/>\n"
      return
    }
    out += ">"
    if let text { out += Self.escape(text) }
    if !children.isEmpty {
      out += "\n"
      for child in children { child.render(into: &out, depth: depth + 1) }
      out += String(repeating: "  ", count: depth)
    }
    out += "</\(name)>\n"
  }

  /// Escapes &, <, >, " and ' for XML text and attribute values.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(ch)
      }
    }
    return out
  }
}

/// Compact number formatting for coordinates and labels (no Foundation).
enum Format {
  /// A coordinate rounded to 0.01, without a trailing ".0".
  static func coordinate(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let rounded = (x * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }

  /// A tick label: integers plainly, others with up to 3 significant decimals.
  static func label(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    var decimals = 1
    while decimals < 6, abs(x * pow10(decimals) - (x * pow10(decimals)).rounded()) > 1e-9 { decimals += 1 }
    let scaled = (x * pow10(decimals)).rounded()
    let sign = scaled < 0 ? "-" : ""
    let digits = String(Int(abs(scaled)))
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
  }

  /// 10^k written with superscript digits, e.g. "10³".
  static func powerOfTen(_ k: Int) -> String {
    let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    if k == 0 { return "1" }
    if k == 1 { return "10" }
    let digits = String(abs(k)).map { superscripts[Int(String($0))!] }
    return "10" + (k < 0 ? "⁻" : "") + String(digits)
  }

  static func pow10(_ k: Int) -> Double {
    var v = 1.0
    for _ in 0..<k { v *= 10 }
    return v
  }
}
