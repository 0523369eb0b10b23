extension InputError {
  /// This error as the `DecodingError` a `Decodable` initializer throws: `dataCorrupted` at
  /// `codingPath`, with the error itself as `underlyingError`, so that a reader of the decoding
  /// error (the protocol loader) can report the field with what was expected and what was found.
  public func decodingError(at codingPath: [any CodingKey]) -> DecodingError {
    .dataCorrupted(
      DecodingError.Context(codingPath: codingPath, debugDescription: message, underlyingError: self))
  }
}

extension InputEnumeration where Self: Decodable {
  /// Decodes a string with ``InputEnumeration/parse(_:field:)`` (any case, or an alias); an unknown
  /// value fails with ``InputError/decodingError(at:)`` of an error that lists the allowed values.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      self = try Self.parse(text, field: "")
    } catch {
      throw error.decodingError(at: decoder.codingPath)
    }
  }
}
