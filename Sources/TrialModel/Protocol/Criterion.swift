@_exported import struct Inputs.SourceLocation

/// Whether a criterion includes or excludes.
public enum CriterionKind: String, Codable, Sendable, Hashable {
  case inclusion, exclusion
}

/// One eligibility criterion: a stable id, the verbatim registry text and, where it can be
/// computed, an expression in the `Eligibility` criteria language.
public struct Criterion: Codable, Sendable, Hashable {
  /// Stable id: `I1`, `I2`, … for inclusion, `E1`, … for exclusion (a letter suffix for parts).
  public var id: String
  /// The registry's text, verbatim.
  public var text: String
  /// The computable form, parsed and type-checked by `Eligibility` when the protocol loads.
  public var expression: String?
  /// Whether only the investigator can judge it (the screening asks for an attestation).
  public var attestation: Bool
  /// Inclusion or exclusion; set by the section the criterion is listed in.
  public var kind: CriterionKind
  /// Where `expression` starts in the protocol file (set by the loader).
  public var expressionLocation: SourceLocation?
  /// How the expression reads the text where a reviewer might question it: the reading, and why.
  public var note: String?

  private enum CodingKeys: String, CodingKey { case id, text, expression, attestation, note }

  public init(
    id: String, text: String, kind: CriterionKind, expression: String? = nil,
    attestation: Bool = false, expressionLocation: SourceLocation? = nil, note: String? = nil
  ) {
    self.id = id
    self.text = text
    self.kind = kind
    self.expression = expression
    self.attestation = attestation
    self.expressionLocation = expressionLocation
    self.note = note
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    text = try c.decode(String.self, forKey: .text)
    expression = try c.decodeIfPresent(String.self, forKey: .expression)
    attestation = try c.decodeIfPresent(Bool.self, forKey: .attestation) ?? false
    note = try c.decodeIfPresent(String.self, forKey: .note)
    kind = id.hasPrefix("E") ? .exclusion : .inclusion
    expressionLocation = nil
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(text, forKey: .text)
    try c.encodeIfPresent(expression, forKey: .expression)
    if attestation { try c.encode(true, forKey: .attestation) }
    try c.encodeIfPresent(note, forKey: .note)
  }

  /// Whether the criterion has a computable expression.
  public var isComputable: Bool { expression != nil }
}

/// Inclusion and exclusion criteria.
public struct Criteria: Codable, Sendable, Hashable {
  public var inclusion: [Criterion]
  public var exclusion: [Criterion]

  public init(inclusion: [Criterion], exclusion: [Criterion]) {
    self.inclusion = inclusion
    self.exclusion = exclusion
  }

  private enum CodingKeys: String, CodingKey { case inclusion, exclusion }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    inclusion = try c.decodeIfPresent([Criterion].self, forKey: .inclusion) ?? []
    exclusion = try c.decodeIfPresent([Criterion].self, forKey: .exclusion) ?? []
    for i in inclusion.indices { inclusion[i].kind = .inclusion }
    for i in exclusion.indices { exclusion[i].kind = .exclusion }
  }

  /// All criteria, inclusion first.
  public var all: [Criterion] { inclusion + exclusion }
}
