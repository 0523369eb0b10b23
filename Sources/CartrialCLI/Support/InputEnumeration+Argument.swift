import ArgumentParser
import Assessment
import Inputs

/// Enumerated options parse like enumerated JSON fields (case-insensitive, aliases accepted); an
/// unknown value is an error that lists the allowed ones, which the help also shows.
extension ExpressibleByArgument where Self: InputEnumeration {
  public init?(argument: String) {
    guard let value = Self.named(argument) else { return nil }
    self = value
  }

  public static var allValueStrings: [String] { allowedValues }

  public static var defaultCompletionKind: CompletionKind { .list(allowedValues) }

  public var defaultValueDescription: String { rawValue }
}

extension OxygenDevice: ExpressibleByArgument {}
extension ConsciousnessLevel: ExpressibleByArgument {}
extension SeizureFinding: ExpressibleByArgument {}
extension IntracranialPressureFinding: ExpressibleByArgument {}
extension LabTerm: ExpressibleByArgument {}
