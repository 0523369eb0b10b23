import Inputs

/// The design-specific parameters given for one design, by name (`phi1: 0.18`), read by the
/// design's specification with typed accessors whose errors name the parameter.
public struct DesignArguments: Sendable, Hashable {
  /// The values as given.
  public var values: [String: SettingValue]

  public init(_ values: [String: SettingValue] = [:]) { self.values = values }

  public subscript(name: String) -> SettingValue? {
    get { values[name] }
    set { values[name] = newValue }
  }

  /// A number, or `nil` when not given.
  public func number(_ name: String) throws(InputError) -> Double? {
    try values[name].map { v throws(InputError) in try v.number(name) }
  }

  /// A whole number, or `nil` when not given.
  public func integer(_ name: String) throws(InputError) -> Int? {
    try values[name].map { v throws(InputError) in try v.integer(name) }
  }

  /// A list of numbers, or `nil` when not given.
  public func numbers(_ name: String) throws(InputError) -> [Double]? {
    try values[name].map { v throws(InputError) in try v.numbers(name) }
  }

  /// Yes or no, or `nil` when not given.
  public func flag(_ name: String) throws(InputError) -> Bool? {
    try values[name].map { v throws(InputError) in try v.flag(name) }
  }

  /// One of an enumeration's values, or `nil` when not given.
  public func choice<Choice: InputEnumeration>(_ name: String, as type: Choice.Type = Choice.self)
    throws(InputError) -> Choice?
  {
    guard let value = values[name] else { return nil }
    return try Choice.parse(value.description, field: name)
  }

  /// Fails on the first given parameter that `parameters` does not declare, listing those it does.
  public func check(against parameters: [DesignParameter], design: String) throws(InputError) {
    let known = parameters.map(\.name)
    for name in values.keys.sorted() where !known.contains(name) {
      throw InputError(
        .unknownField, field: name,
        expected: known.isEmpty
          ? "no parameter (\(design) takes none)"
          : "a parameter of \(design): " + known.joined(separator: ", "),
        found: "\"\(name)\"")
    }
  }
}
