/// Why operating characteristics could not be computed. The message names the offending field,
/// what was expected and what was found.
public struct SimulationError: Error, CustomStringConvertible, Sendable, Equatable {
  /// A message for the user.
  public var description: String

  /// An error with the given message.
  public init(_ description: String) { self.description = description }
}
