import TrialModel

extension LabResult: Codable {
  private enum CodingKeys: String, CodingKey { case term, value, unit, lln, uln, baseline }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let termText = try c.decode(String.self, forKey: .term)
    guard let term = LabTerm(parsing: termText) else {
      throw DecodingError.dataCorruptedError(
        forKey: .term, in: c,
        debugDescription: "expected one of \(LabTerm.allCases.map(\.rawValue).joined(separator: ", ")), "
          + "found \"\(termText)\"")
    }
    var unit: MeasurementUnit?
    if let unitText = try c.decodeIfPresent(String.self, forKey: .unit) {
      guard let parsed = MeasurementUnit(parsing: unitText) else {
        throw DecodingError.dataCorruptedError(
          forKey: .unit, in: c,
          debugDescription: "expected \(term.unitHint), found \"\(unitText)\"")
      }
      unit = parsed
    }
    self.init(
      term: term, value: try c.decode(Double.self, forKey: .value), unit: unit,
      lln: try c.decodeIfPresent(Double.self, forKey: .lln),
      uln: try c.decodeIfPresent(Double.self, forKey: .uln),
      baseline: try c.decodeIfPresent(Double.self, forKey: .baseline))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(term.rawValue, forKey: .term)
    try c.encode(value, forKey: .value)
    try c.encodeIfPresent(unit?.rawValue, forKey: .unit)
    try c.encodeIfPresent(lln, forKey: .lln)
    try c.encodeIfPresent(uln, forKey: .uln)
    try c.encodeIfPresent(baseline, forKey: .baseline)
  }
}
