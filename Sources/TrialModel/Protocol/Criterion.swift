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
  /// Whether only the investigator can judge it (the screening asks for an attestation); with
  /// ``attestationWhen``, only when that condition holds.
  public var attestation: Bool
  /// `attestation: {when: EXPRESSION}`: the attestation is needed only when the expression
  /// holds; otherwise the criterion is decided by its `expression` (met if it has none).
  public var attestationWhen: String?
  /// Where `attestationWhen` starts in the protocol file (set by the loader).
  public var attestationWhenLocation: SourceLocation?
  /// How the expression reads the text where a reviewer might question it (the reading, and
  /// why); shown by `protocol criteria`.
  public var note: String?
  /// Inclusion or exclusion; set by the section the criterion is listed in.
  public var kind: CriterionKind
  /// Where `expression` starts in the protocol file (set by the loader).
  public var expressionLocation: SourceLocation?
  /// `suggested: true`: the expression was proposed by a rule-based translator of the text (a
  /// draft protocol made from a registry record) and awaits a person's review.
  public var suggested: Bool = false

  private enum CodingKeys: String, CodingKey { case id, text, expression, attestation, note, suggested }
  private enum ConditionKeys: String, CodingKey { case when }

  public init(
    id: String, text: String, kind: CriterionKind, expression: String? = nil,
    attestation: Bool = false, expressionLocation: SourceLocation? = nil, note: String? = nil,
    attestationWhen: String? = nil
  ) {
    self.id = id
    self.text = text
    self.kind = kind
    self.expression = expression
    self.attestation = attestation || attestationWhen != nil
    self.attestationWhen = attestationWhen
    self.expressionLocation = expressionLocation
    self.note = note
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    text = try c.decode(String.self, forKey: .text)
    expression = try c.decodeIfPresent(String.self, forKey: .expression)
    if let condition = try? c.nestedContainer(keyedBy: ConditionKeys.self, forKey: .attestation) {
      attestationWhen = try condition.decode(String.self, forKey: .when)
      attestation = true
    } else {
      attestation = try c.decodeIfPresent(Bool.self, forKey: .attestation) ?? false
    }
    note = try c.decodeIfPresent(String.self, forKey: .note)
    suggested = try c.decodeIfPresent(Bool.self, forKey: .suggested) ?? false
    kind = id.hasPrefix("E") ? .exclusion : .inclusion
    expressionLocation = nil
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(text, forKey: .text)
    try c.encodeIfPresent(expression, forKey: .expression)
    if let attestationWhen {
      var condition = c.nestedContainer(keyedBy: ConditionKeys.self, forKey: .attestation)
      try condition.encode(attestationWhen, forKey: .when)
    } else if attestation {
      try c.encode(true, forKey: .attestation)
    }
    try c.encodeIfPresent(note, forKey: .note)
    if suggested { try c.encode(true, forKey: .suggested) }
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
