import Inputs

extension CRSObservation: JSONReadable {
  /// The fields of a CRS observation (README: clinical observations).
  public static let jsonFields = [
    "temperatureCelsius", "antipyreticOrAnticytokineGiven", "feverAttributableToOtherCause", "hypotension",
    "systolicBloodPressure", "ageYears", "vasopressors", "vasopressin", "oxygenDevice",
    "oxygenFlowLitresPerMinute", "deathDueToCRS",
  ]

  /// Reads an observation; absent fields take the defaults of ``init(temperatureCelsius:antipyreticOrAnticytokineGiven:feverAttributableToOtherCause:hypotension:systolicBloodPressure:ageYears:vasopressors:vasopressin:oxygenDevice:oxygenFlowLitresPerMinute:deathDueToCRS:)``.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      temperatureCelsius: try r.number("temperatureCelsius"),
      antipyreticOrAnticytokineGiven: try r.bool("antipyreticOrAnticytokineGiven") ?? false,
      feverAttributableToOtherCause: try r.bool("feverAttributableToOtherCause") ?? false,
      hypotension: try r.bool("hypotension") ?? false,
      systolicBloodPressure: try r.number("systolicBloodPressure"),
      ageYears: try r.number("ageYears"),
      vasopressors: try r.int("vasopressors") ?? 0,
      vasopressin: try r.bool("vasopressin") ?? false,
      oxygenDevice: try r.enumeration("oxygenDevice", OxygenDevice.self) ?? .none,
      oxygenFlowLitresPerMinute: try r.number("oxygenFlowLitresPerMinute"),
      deathDueToCRS: try r.bool("deathDueToCRS") ?? false)
  }
}
