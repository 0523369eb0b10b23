/// A parameter that one design takes beyond its ``DesignSetup``: its name as written in a protocol
/// file or after `--set`, what it means and its default.
public struct DesignParameter: Sendable, Hashable {
  /// The name (`phi1`, `skeleton`, `variant`).
  public var name: String
  /// What it is, in a statistician's words.
  public var summary: String
  /// The default in force when it is not given, in words (`0.6 × target`, `off`).
  public var defaultValue: String
  /// Whether answers should say that the default is in force when the parameter is not given (a
  /// modelling choice a reader must see, such as the equivalence interval).
  public var isNotedWhenDefault: Bool

  public init(_ name: String, _ summary: String, default defaultValue: String, noted: Bool = false) {
    self.name = name
    self.summary = summary
    self.defaultValue = defaultValue
    isNotedWhenDefault = noted
  }
}
