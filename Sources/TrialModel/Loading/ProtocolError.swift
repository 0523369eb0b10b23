/// A problem in a protocol file, with where it is and what was expected and found.
public struct ProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where in the file, when known.
  public var location: SourceLocation?
  /// The field's path in the file (`groups[1].doseLevels[0].dose`).
  public var path: String
  /// What was expected and what was found.
  public var message: String

  public init(location: SourceLocation?, path: String, message: String) {
    self.location = location
    self.path = path
    self.message = message
  }

  /// `FILE:LINE:COLUMN: error: PATH: MESSAGE`.
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    let field = path.isEmpty ? "" : "\(path): "
    return "\(place)error: \(field)\(message)"
  }
}

/// All the problems found in one protocol file (validation reports every problem, not the first).
public struct ProtocolErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [ProtocolError]

  public init(_ errors: [ProtocolError]) { self.errors = errors }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
