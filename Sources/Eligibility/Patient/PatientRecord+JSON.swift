import Foundation
import TrialModel

extension PatientRecord {
  /// Parses and validates a patient record in the JSON format documented in the README.
  ///
  /// - Parameters:
  ///   - json: the record.
  ///   - screeningDate: overrides the record's `screeningDate` (the CLI's `--on`).
  ///   - fallbackScreeningDate: used when neither is given (the CLI passes today).
  /// - Throws: ``RecordError`` naming the JSON path for malformed JSON, unknown fields, wrong
  ///   types, impossible values (negative weight, unknown unit), unparsable dates and dates after
  ///   the screening date.
  public init(
    json: Data, screeningDate: CivilDate? = nil, fallbackScreeningDate: CivilDate? = nil
  ) throws(RecordError) {
    var root = try JSONObjectReader(try JSONValue.parse(json), path: "$")
    self.init(id: try root.string("id"))
    let recorded = try root.date("screeningDate", notAfter: nil)
    guard let screening = screeningDate ?? recorded ?? fallbackScreeningDate else {
      throw RecordError(path: "screeningDate", message: "required (or give the screening date with --on)")
    }
    self.screeningDate = screening
    plannedInfusionDate = try root.date("plannedInfusionDate", notAfter: nil)
    if let infusion = plannedInfusionDate, infusion < screening {
      throw RecordError(
        path: "plannedInfusionDate", message: "\(infusion) is before the screening date \(screening)")
    }
    plannedLymphodepletionDate = try root.date("plannedLymphodepletionDate", notAfter: nil)
    if let start = plannedLymphodepletionDate, start < screening {
      throw RecordError(
        path: "plannedLymphodepletionDate", message: "\(start) is before the screening date \(screening)")
    }
    if var demographics = try root.object("demographics") {
      try readDemographics(&demographics, screening: screening)
    }
    if var disease = try root.object("disease") { try readDisease(&disease, screening: screening) }
    try readLists(&root, screening: screening)
    if var conditions = try root.object("conditions") { try readConditions(&conditions) }
    if var consent = try root.object("consent") {
      self[.consentSigned] = try consent.bool("signed")
      consentDate = try consent.date("date", notAfter: screening)
      try consent.finish()
    }
    if let expectancy = try root.object("lifeExpectancy") {
      self[.lifeExpectancyDays] = try Self.duration(expectancy)
    }
    try root.finish()
  }

  private mutating func readDemographics(_ r: inout JSONObjectReader, screening: CivilDate)
    throws(RecordError)
  {
    birthDate = try r.date("birthDate", notAfter: screening)
    if let age = try r.number("ageYears", in: 0...130) {
      guard birthDate == nil else {
        throw RecordError(path: r.childPath("ageYears"), message: "give birthDate or ageYears, not both")
      }
      self[.ageYears] = age
    }
    if let text = try r.string("sex") {
      guard let sex = Sex(rawValue: text.lowercased()) else {
        throw RecordError(path: r.childPath("sex"), message: "expected male or female, found '\(text)'")
      }
      self.sex = sex
    }
    if let weight = try r.object("weight") {
      self[.weight] = try Self.measurement(weight, to: .kg, range: 0.5...500)
    }
    if let height = try r.object("height") {
      self[.height] = try Self.measurement(height, to: .cm, range: 20...260)
    }
    try r.finish()
  }

  private mutating func readDisease(_ r: inout JSONObjectReader, screening: CivilDate) throws(RecordError) {
    if let diagnosis = try r.string("diagnosis") {
      self[.bAll] = ["b-all", "b all", "ball", "b-cell all"].contains(diagnosis.lowercased())
      if diagnosis.lowercased().contains("burkitt") { self[.burkittLymphoma] = true }
    }
    if let status = try r.string("status") {
      switch status.lowercased() {
      case "relapsed": (self[.relapsed], self[.refractory]) = (true, false)
      case "refractory": (self[.relapsed], self[.refractory]) = (false, true)
      case "relapsedandrefractory", "relapsed and refractory":
        (self[.relapsed], self[.refractory]) = (true, true)
      case "remission", "newlydiagnosed": (self[.relapsed], self[.refractory]) = (false, false)
      default:
        throw RecordError(
          path: r.childPath("status"),
          message:
            "expected relapsed, refractory, relapsedAndRefractory, remission or newlyDiagnosed, found '\(status)'"
        )
      }
    }
    if let ph = try r.string("phStatus") {
      guard ["positive", "negative"].contains(ph.lowercased()) else {
        throw RecordError(
          path: r.childPath("phStatus"), message: "expected positive or negative, found '\(ph)'")
      }
      self[.phPositive] = ph.lowercased() == "positive"
    }
    self[.t315i] = try r.bool("t315i")
    self[.tkiIntolerant] = try r.bool("tkiIntolerant")
    self[.hepatobiliaryInvolvement] = try r.bool("hepatobiliaryInvolvement")
    self[.tkiLinesFailed] = try r.number("tkiLinesFailed", in: 0...20)
    for fact in [NumericFact.marrowBlasts, .bloodBlasts] {
      if let blasts = try r.object(String(describing: fact)) {
        self[fact] = try Self.measurement(blasts, to: .percent, range: 0...100, screening: screening)
      }
    }
    if let emd = try r.string("extramedullary") {
      switch emd.lowercased() {
      case "none": (self[.extramedullary], self[.isolatedExtramedullary]) = (false, false)
      case "withmarrow", "with marrow": (self[.extramedullary], self[.isolatedExtramedullary]) = (true, false)
      case "isolated": (self[.extramedullary], self[.isolatedExtramedullary]) = (true, true)
      default:
        throw RecordError(
          path: r.childPath("extramedullary"),
          message: "expected none, withMarrow or isolated, found '\(emd)'")
      }
    }
    if let cns = try r.string("cnsStatus") {
      guard let status = CNSStatus(rawValue: cns.lowercased()) else {
        throw RecordError(
          path: r.childPath("cnsStatus"), message: "expected CNS1, CNS2 or CNS3, found '\(cns)'")
      }
      cnsStatus = status
    }
    try r.finish()
  }

  private mutating func readConditions(_ r: inout JSONObjectReader) throws(RecordError) {
    for (key, fact) in BooleanFact.sortedConditionKeys {
      self[fact] = try r.bool(key)
    }
    self[.nyhaClass] = try r.number("nyhaClass", in: 1...4).map { $0.rounded() }
    self[.dyspneaGrade] = try r.number("dyspneaGrade", in: 0...5)
    try r.finish()
  }

  /// `{"value": 58, "unit": "kg"}` converted to `unit`, checked against `range` (in `unit`).
  static func measurement(
    _ reader: JSONObjectReader, to unit: MeasurementUnit, range: ClosedRange<Double>,
    screening: CivilDate? = nil
  ) throws(RecordError) -> Double {
    var r = reader
    guard
      let value = try r.number("value", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    else { throw RecordError(path: r.childPath("value"), message: "required") }
    let spelling = try r.string("unit") ?? unit.rawValue
    guard case .measurement(let parsed) = LabUnit(parsing: spelling) else {
      throw RecordError(
        path: r.childPath("unit"), message: "unknown unit '\(spelling)'; expected \(unit.rawValue)")
    }
    guard let converted = try? Quantity(value, parsed).converted(to: unit).value else {
      throw RecordError(
        path: r.childPath("unit"),
        message: "expected a unit convertible to \(unit.rawValue), found '\(spelling)'")
    }
    guard range.contains(converted) else {
      throw RecordError(
        path: r.childPath("value"),
        message:
          "impossible value \(value) \(parsed.rawValue); expected \(Quantity.format(range.lowerBound))…\(Quantity.format(range.upperBound)) \(unit.rawValue)"
      )
    }
    _ = try r.date("date", notAfter: screening)
    try r.finish()
    return converted
  }

  /// A duration `{"value": 6, "unit": "months"}` in days.
  static func duration(_ reader: JSONObjectReader) throws(RecordError) -> Double {
    try measurement(reader, to: .days, range: 0...36_525)
  }
}
