extension JSONDocument {
  /// The position of the value at `path` (`assessments[1].crs.oxygenFlowLitresPerMinute`), or of
  /// its deepest ancestor present in the document (a missing field is placed at its object).
  public func location(of path: String) -> SourceLocation {
    var value = root
    for component in JSONDocument.components(of: path) {
      switch (component, value.content) {
      case (.key(let key), .object(let members)):
        guard let member = members.first(where: { $0.key == key }) else { return location(at: value.offset) }
        value = member.value
      case (.index(let index), .array(let items)) where items.indices.contains(index):
        value = items[index]
      default:
        return location(at: value.offset)
      }
    }
    return location(at: value.offset)
  }

  /// `error` placed at its field's position in this document, unless it is already located.
  /// Library checks that run after reading (a grader rejecting a flow rate) report only the
  /// field path; this gives them the line and column.
  public func locate(_ error: InputError) -> InputError {
    error.location == nil ? error.located(at: location(of: error.field)) : error
  }

  private enum Component {
    case key(String)
    case index(Int)
  }

  /// `a.b[2].c` → key a, key b, index 2, key c.
  private static func components(of path: String) -> [Component] {
    var components: [Component] = []
    var current = ""
    var inIndex = false
    for character in path {
      switch character {
      case "." where !inIndex:
        if !current.isEmpty { components.append(.key(current)) }
        current = ""
      case "[" where !inIndex:
        if !current.isEmpty { components.append(.key(current)) }
        current = ""
        inIndex = true
      case "]" where inIndex:
        if let index = Int(current) { components.append(.index(index)) }
        current = ""
        inIndex = false
      default:
        current.append(character)
      }
    }
    if !current.isEmpty { components.append(.key(current)) }
    return components
  }
}
