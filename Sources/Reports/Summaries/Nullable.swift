/// An optional that encodes as JSON `null` instead of being left out, so that every key of an
/// answer is always present.
public struct Nullable<Wrapped: Encodable & Sendable>: Encodable, Sendable {
  public var value: Wrapped?

  public init(_ value: Wrapped?) { self.value = value }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}
