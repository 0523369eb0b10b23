import Inputs

/// Everything the rest of cartrial needs to know to offer one dose-finding design: its names, its
/// parameters with their defaults, and how to validate them and build the design.
///
/// A design lives in its own folder under `Sources/DoseFinding/Designs/` — the design type, its
/// specification — and is offered by one line in ``DesignRegistry/standard``. Nothing else
/// changes when a design is added: the application layer, the command line and the server find it
/// through the registry.
public protocol DesignSpecification: Sendable {
  /// Short canonical name, the `design` of every answer (`boin`, `i3+3`).
  var name: String { get }
  /// Further accepted spellings, compared case-insensitively without spaces (default: none).
  var aliases: [String] { get }
  /// The design and its reference, for help texts (`BOIN (Liu & Yuan 2015)`).
  var title: String { get }
  /// Whether the design uses the target DLT rate (default `true`; 3+3 does not).
  var usesTarget: Bool { get }
  /// The design-specific parameters with their defaults (default: none).
  var parameters: [DesignParameter] { get }
  /// Builds the design from validated common settings and its own parameters; throws an
  /// ``InputError`` naming the parameter on bad values.
  func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
}

extension DesignSpecification {
  public var aliases: [String] { [] }
  public var usesTarget: Bool { true }
  public var parameters: [DesignParameter] { [] }

  /// Whether `text` names this design (case-insensitive, spaces ignored, aliases accepted).
  public func isNamed(_ text: String) -> Bool {
    let key = DesignRegistry.normalized(text)
    return DesignRegistry.normalized(name) == key || aliases.contains { DesignRegistry.normalized($0) == key }
  }
}
