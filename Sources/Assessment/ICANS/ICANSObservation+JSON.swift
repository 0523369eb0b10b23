import Inputs

extension ICANSObservation: JSONReadable {
  /// The fields of an ICANS observation (README: clinical observations).
  public static let jsonFields = [
    "ageYears", "developmentalDelay", "ice", "capd", "consciousness", "consciousnessAttributableToOtherCause",
    "rass", "seizure", "motorWeakness", "intracranialPressure", "globalAphasia", "tremorGrade",
    "myoclonusGrade", "intracranialHaemorrhage", "deathDueToICANS",
  ]

  /// Reads an observation; absent fields take the defaults of the memberwise initializer.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      ageYears: try r.number("ageYears"),
      developmentalDelay: try r.bool("developmentalDelay") ?? false,
      ice: try r.read("ice", ICEAssessment.self),
      capd: try r.read("capd", CAPDAssessment.self),
      consciousness: try r.enumeration("consciousness", ConsciousnessLevel.self) ?? .alert,
      consciousnessAttributableToOtherCause: try r.bool("consciousnessAttributableToOtherCause") ?? false,
      rass: try r.int("rass"),
      seizure: try r.enumeration("seizure", SeizureFinding.self) ?? .none,
      motorWeakness: try r.bool("motorWeakness") ?? false,
      intracranialPressure: try r["intracranialPressure"]?.array {
        (finding: JSONReader) throws(InputError) in try finding.enumeration(IntracranialPressureFinding.self)
      } ?? [],
      globalAphasia: try r.bool("globalAphasia") ?? false,
      tremorGrade: try r.int("tremorGrade"),
      myoclonusGrade: try r.int("myoclonusGrade"),
      intracranialHaemorrhage: try r.bool("intracranialHaemorrhage") ?? false,
      deathDueToICANS: try r.bool("deathDueToICANS") ?? false)
  }
}

extension ICEAssessment: JSONReadable {
  public static let jsonFields = ["items", "total", "unableToPerform"]

  /// `{"items": {…}}`, `{"total": 8}` or `{"unableToPerform": true}`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      items: try r.read("items", ICEItems.self), total: try r.int("total"),
      unableToPerform: try r.bool("unableToPerform"))
  }
}

extension ICEItems: JSONReadable {
  /// The ten item names, in the ICE order.
  public static let jsonFields = [
    "orientationYear", "orientationMonth", "orientationCity", "orientationHospital", "naming1", "naming2",
    "naming3", "followsCommands", "writing", "attention",
  ]

  /// All ten items, each 0 or 1 (the range is checked when the score is computed).
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    var points: [Int] = []
    for name in Self.jsonFields {
      points.append(try r.required(name, expected: "the item's points, 0 or 1").int())
    }
    self.init(
      orientationYear: points[0], orientationMonth: points[1], orientationCity: points[2],
      orientationHospital: points[3], naming1: points[4], naming2: points[5], naming3: points[6],
      followsCommands: points[7], writing: points[8], attention: points[9])
  }
}

extension CAPDAssessment: JSONReadable {
  public static let jsonFields = ["items", "total", "unableToPerform"]

  /// `{"items": {…}}`, `{"total": 10}` or `{"unableToPerform": true}`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    self.init(
      items: try r.read("items", CAPDItems.self), total: try r.int("total"),
      unableToPerform: try r.bool("unableToPerform"))
  }
}

extension CAPDItems: JSONReadable {
  /// The eight item names, in the CAPD order.
  public static let jsonFields = [
    "eyeContact", "purposefulActions", "awareOfSurroundings", "communicatesNeeds", "restless", "inconsolable",
    "underactive", "slowToRespond",
  ]

  /// All eight answers, each `never`, `rarely`, `sometimes`, `often` or `always`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    var answers: [CAPDFrequency] = []
    for name in Self.jsonFields {
      answers.append(
        try r.required(name, expected: CAPDFrequency.allowedValues.joined(separator: ", ")).enumeration(
          CAPDFrequency.self))
    }
    self.init(
      eyeContact: answers[0], purposefulActions: answers[1], awareOfSurroundings: answers[2],
      communicatesNeeds: answers[3], restless: answers[4], inconsolable: answers[5], underactive: answers[6],
      slowToRespond: answers[7])
  }
}
