import Inputs

/// JSON text exactly as submitted, with the value read from it once: when the event holding it is
/// made or decoded, not again at every fold. Two are equal when their texts are.
struct SubmittedJSON<Value: JSONReadable & Sendable>: Sendable, Hashable {
  /// The text, exactly as submitted (what the event's canonical bytes hold).
  let text: String
  /// The value read from ``text``, or why it does not read.
  let value: Result<Value, InputError>

  /// Reads `text`.
  init(_ text: String) {
    self.text = text
    value = Result { () throws(InputError) in try Value(jsonText: text) }
  }

  /// `text` with the value a command has already read from it.
  init(_ text: String, read value: Value) {
    self.text = text
    self.value = .success(value)
  }

  static func == (a: Self, b: Self) -> Bool { a.text == b.text }

  func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension SubmittedJSON: Codable {
  /// Coded as its text alone (a JSON string), so the event's canonical bytes are unchanged.
  init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(text)
  }
}
