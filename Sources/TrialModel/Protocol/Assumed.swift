/// A protocol value that may be an assumption rather than a fact from the registry record.
///
/// In a protocol file it is written either plainly (`target: 0.3`) or with the reason it is
/// assumed (`target: {value: 0.3, assumption: "registry record gives no target DLT rate"}`).
/// Every tool that prints the value prints the assumption beside it.
public struct Assumed<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
  /// The value in force.
  public var value: Value
  /// Why this value was assumed; `nil` when it is stated by the registry record or protocol.
  public var assumption: String?

  public init(_ value: Value, assumption: String? = nil) {
    self.value = value
    self.assumption = assumption
  }

  private enum CodingKeys: String, CodingKey { case value, assumption }

  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: CodingKeys.self), keyed.contains(.value) {
      value = try keyed.decode(Value.self, forKey: .value)
      assumption = try keyed.decodeIfPresent(String.self, forKey: .assumption)
    } else {
      value = try decoder.singleValueContainer().decode(Value.self)
      assumption = nil
    }
  }

  public func encode(to encoder: any Encoder) throws {
    if let assumption {
      var keyed = encoder.container(keyedBy: CodingKeys.self)
      try keyed.encode(value, forKey: .value)
      try keyed.encode(assumption, forKey: .assumption)
    } else {
      var single = encoder.singleValueContainer()
      try single.encode(value)
    }
  }

  /// Whether the value is an assumption.
  public var isAssumption: Bool { assumption != nil }
}

extension Assumed: CustomStringConvertible {
  /// The value, followed by `[assumption: …]` when it is assumed.
  public var description: String {
    let shown = "\(value)"
    guard let assumption else { return shown }
    return "\(shown) [assumption: \(assumption)]"
  }
}
