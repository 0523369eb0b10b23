import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses chart output as XML (failing on malformed documents) and finds elements by class.
struct SVGInspection {
  let document: XMLDocument

  init(_ svg: String) throws {
    document = try XMLDocument(xmlString: svg, options: [])
  }

  var root: XMLElement? { document.rootElement() }

  /// Elements whose class list contains `cssClass`, anywhere in the document.
  func elements(withClass cssClass: String) throws -> [XMLElement] {
    try document.nodes(
      forXPath: "//*[contains(concat(' ', normalize-space(@class), ' '), ' \(cssClass) ')]"
    ).compactMap { $0 as? XMLElement }
  }

  /// Elements with the given local name.
  func elements(named name: String) throws -> [XMLElement] {
    try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
  }

  /// Text content of the elements with `cssClass`.
  func texts(withClass cssClass: String) throws -> [String] {
    try elements(withClass: cssClass).map { $0.stringValue ?? "" }
  }
}

extension XMLElement {
  /// The attribute's value. (On Linux, `attribute(forName:)` misses attributes of elements in the
  /// SVG default namespace, so the attribute list is searched.)
  func value(_ name: String) -> String? {
    attributes?.first { $0.name == name }?.stringValue
  }

  func number(_ name: String) -> Double? {
    value(name).flatMap(Double.init)
  }
}
