import Foundation
import Inputs
import TrialModel

extension PatientRecord {
  /// The fields of a patient record (README: patient record).
  static let fields = [
    "id", "screeningDate", "enrollmentDate", "plannedInfusionDate", "plannedLymphodepletionDate",
    "demographics",
    "disease", "plans",
    "antigens", "performance", "labs", "viralTests", "history", "conditions", "consent", "lifeExpectancy",
    "attestations",
  ]
  static let demographicsFields = ["birthDate", "ageYears", "sex", "weight", "height"]
  static let diseaseFields = [
    "diagnosis", "status", "phStatus", "t315i", "tkiLinesFailed", "tkiIntolerant", "tkiContraindicated",
    "marrowBlasts",
    "bloodBlasts", "extramedullary", "cnsStatus", "hepatobiliaryInvolvement",
  ]
  static let conditionFields = BooleanFact.sortedConditionKeys.map(\.key) + ["nyhaClass", "dyspneaGrade"]
  static let consentFields = ["signed", "date"]
  /// What a missing screening date's error expects.
  public static let screeningDateExpected = "the screening date YYYY-MM-DD"

  /// Parses and validates a patient record in the JSON format documented in the README.
  ///
  /// The screening date is required — the record's `screeningDate`, or `screeningDate` given here,
  /// which overrides it — so that a screening result is reproducible: there is no implicit "today".
  ///
  /// - Parameters:
  ///   - json: the record (UTF-8).
  ///   - screeningDate: overrides the record's `screeningDate`.
  ///   - ranges: the physiological plausibility ranges of weight, height, age and every lab.
  ///   - file: the name errors are located in; `firstLine`: the file line the record starts on.
  /// - Throws: ``InputError`` with the JSON path as `field` and the line and column: malformed
  ///   JSON, unknown fields (listing the allowed ones), wrong types, values outside their set
  ///   (listing the allowed ones) or their plausibility range (naming the likely unit mix-up),
  ///   unknown units, unparsable dates, dates after the screening date and a missing screening date.
  public init(
    json: Data, screeningDate: CivilDate? = nil, ranges: PlausibleRanges = .standard,
    file: String = JSONDocument.unnamed, firstLine: Int = 1
  ) throws(InputError) {
    let document = try JSONDocument(parsing: Array(json), file: file, firstLine: firstLine)
    try self.init(json: document.reader, screeningDate: screeningDate, ranges: ranges)
  }

  /// Reads and validates a patient record from a parsed JSON value (see ``init(json:screeningDate:ranges:file:firstLine:)``).
  public init(json: JSONReader, screeningDate: CivilDate? = nil, ranges: PlausibleRanges = .standard)
    throws(InputError)
  {
    let root = try json.object(fields: Self.fields)
    self.init(id: try root.string("id"))
    let recorded = try root.date("screeningDate")
    guard let screening = screeningDate ?? recorded else {
      throw root.missing("screeningDate", expected: Self.screeningDateExpected)
    }
    self.screeningDate = screening
    plannedInfusionDate = try root.date("plannedInfusionDate", notBefore: screening)
    plannedLymphodepletionDate = try root.date("plannedLymphodepletionDate", notBefore: screening)
    enrollmentDate = try root.date("enrollmentDate", notBefore: screening)
    if let demographics = try root.object("demographics", fields: Self.demographicsFields) {
      try readDemographics(demographics, screening: screening, ranges: ranges)
    }
    if let disease = try root.object("disease", fields: Self.diseaseFields) {
      try readDisease(disease, screening: screening)
    }
    try readLists(root, screening: screening, ranges: ranges)
    if let conditions = try root.object("conditions", fields: Self.conditionFields) {
      try readConditions(conditions)
    }
    if let consent = try root.object("consent", fields: Self.consentFields) {
      self[.consentSigned] = try consent.bool("signed")
      consentDate = try consent.date("date", notAfter: screening)
    }
    if let expectancy = root["lifeExpectancy"] {
      self[.lifeExpectancyDays] = try expectancy.measurement(
        to: .days, range: 0...36_525, what: "a life expectancy")
    }
  }

  private mutating func readDemographics(_ r: JSONObjectReader, screening: CivilDate, ranges: PlausibleRanges)
    throws(InputError)
  {
    birthDate = try r.date("birthDate", notAfter: screening)
    if let ageField = r["ageYears"] {
      let age = try ageField.number()
      try ranges.check(.age, age, at: ageField)
      guard birthDate == nil else {
        throw r["ageYears"]!.invalid(
          expected: "birthDate or ageYears, not both", found: "both", kind: .conflict)
      }
      self[.ageYears] = age
    }
    sex = try r.enumeration("sex", Sex.self)
    if let weight = r["weight"] {
      self[.weight] = try weight.measurement(.weight, ranges: ranges)
    }
    if let height = r["height"] {
      self[.height] = try height.measurement(.height, ranges: ranges)
    }
  }

  private mutating func readDisease(_ r: JSONObjectReader, screening: CivilDate) throws(InputError) {
    if let diagnosis = try r.string("diagnosis")?.lowercased() {
      self[.bAll] = ["b-all", "b all", "ball", "b-cell all"].contains(diagnosis)
      if diagnosis.contains("burkitt") { self[.burkittLymphoma] = true }
    }
    if let status = try r.enumeration("status", DiseaseStatus.self) {
      (self[.relapsed], self[.refractory]) = status.facts
    }
    if let ph = try r.enumeration("phStatus", PhiladelphiaStatus.self) { self[.phPositive] = ph == .positive }
    self[.t315i] = try r.bool("t315i")
    self[.tkiIntolerant] = try r.bool("tkiIntolerant")
    self[.tkiContraindicated] = try r.bool("tkiContraindicated")
    self[.hepatobiliaryInvolvement] = try r.bool("hepatobiliaryInvolvement")
    self[.tkiLinesFailed] = try r.number("tkiLinesFailed", in: 0...20)
    if let blasts = r["marrowBlasts"] {
      self[.marrowBlasts] = try blasts.measurement(
        to: .percent, range: 0...100, what: "a blast percentage", screening: screening)
    }
    if let blasts = r["bloodBlasts"] {
      self[.bloodBlasts] = try blasts.measurement(
        to: .percent, range: 0...100, what: "a blast percentage", screening: screening)
    }
    if let emd = try r.enumeration("extramedullary", ExtramedullaryDisease.self) {
      (self[.extramedullary], self[.isolatedExtramedullary]) = (emd != .none, emd == .isolated)
    }
    cnsStatus = try r.enumeration("cnsStatus", CNSStatus.self)
  }

  private mutating func readConditions(_ r: JSONObjectReader) throws(InputError) {
    for key in r.keys {
      if let fact = BooleanFact.conditionKeys[key] { self[fact] = try r.bool(key) }
    }
    self[.nyhaClass] = try r.int("nyhaClass", in: 1...4).map(Double.init)
    self[.dyspneaGrade] = try r.number("dyspneaGrade", in: 0...5)
  }
}
