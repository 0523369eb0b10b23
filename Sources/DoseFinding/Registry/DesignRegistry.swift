import Inputs

/// The dose-finding designs cartrial offers, found by name.
///
/// ``standard`` lists the built-in designs; a test or an extension adds its own with
/// ``register(_:)`` and passes the registry to the application layer.
public struct DesignRegistry: Sendable {
  /// The designs, in the order they are listed to users.
  public private(set) var specifications: [any DesignSpecification]

  public init(_ specifications: [any DesignSpecification]) {
    self.specifications = []
    for specification in specifications { register(specification) }
  }

  /// The built-in designs. Adding a design: one line here.
  public static let standard = DesignRegistry([
    ThreePlusThreeSpecification(),
    I3Plus3Specification(),
    BOINSpecification(),
    MTPI2Specification(),
    CRMSpecification(),
  ])

  /// Adds a design; its name must not be taken.
  public mutating func register(_ specification: any DesignSpecification) {
    precondition(
      !specifications.contains { $0.isNamed(specification.name) },
      "design \(specification.name) is registered twice")
    specifications.append(specification)
  }

  /// The canonical names, in order.
  public var names: [String] { specifications.map(\.name) }

  /// The design named `text`; otherwise an error for `field` listing the designs.
  public func specification(named text: String, field: String = "design") throws(InputError)
    -> any DesignSpecification
  {
    guard let match = specifications.first(where: { $0.isNamed(text) }) else {
      throw InputError.notOneOf(field, allowed: names, found: "\"\(text)\"")
    }
    return match
  }

  /// Validates the setup and the arguments against `specification` and builds the design.
  /// Errors name the field (`target`, `phi1`, `skeleton`) without any prefix.
  public static func makeDesign(
    _ specification: any DesignSpecification, setup: DesignSetup, arguments: DesignArguments
  ) throws(InputError) -> any DoseFindingDesign {
    try arguments.check(against: specification.parameters, design: specification.name)
    try setup.validate()
    return try specification.makeDesign(setup, arguments)
  }

  /// Lower-cased, without white space.
  static func normalized(_ text: String) -> String {
    String(text.lowercased().filter { !$0.isWhitespace })
  }
}
