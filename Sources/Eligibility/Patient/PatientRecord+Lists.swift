import Inputs
import TrialModel

extension PatientRecord {
  static let labFields = ["value", "unit", "uln", "lln", "date", "method", "oxygen"]
  static let performanceFields = ["scale", "score", "date"]
  static let antigenFields = ["antigen", "result", "date", "method", "specimen"]
  static let viralTestFields = ["test", "result", "date", "value", "unit"]
  static let historyFields = ["complete", "events"]
  static let eventFields = [
    "class", "date", "prednisoneEquivalentMgPerDay", "grade", "note", "site", "agent", "route", "endDate",
    "ongoing", "type",
  ]
  static let planFields = ["class", "date"]
  static let attestationFields = ["protocol", "criterion", "verdict", "by", "date"]

  /// Reads `labs`, `performance`, `antigens`, `viralTests`, `history` and `attestations`.
  mutating func readLists(_ root: JSONObjectReader, screening: CivilDate, ranges: PlausibleRanges)
    throws(InputError)
  {
    if let labs = try root.object("labs", fields: LabTest.fieldNames) {
      for test in LabTest.allCases {
        if let lab = try labs.object(test.rawValue, fields: Self.labFields) {
          try readLab(test, lab, screening: screening, ranges: ranges)
        }
      }
    }
    for item in try root.elements("performance") ?? [] {
      try readPerformance(item.object(fields: Self.performanceFields), screening: screening)
    }
    for item in try root.elements("antigens") ?? [] {
      let r = try item.object(fields: Self.antigenFields)
      let antigen = try r.required("antigen", expected: "CD19, CD20 or CD22").enumeration(AntigenName.self)
      var result = AntigenResult(
        antigen: antigen.rawValue, positive: try Self.result(r),
        date: try r.date("date", notAfter: screening), method: try r.string("method"),
        specimen: try r.enumeration("specimen", Specimen.self))
      result.testMethod = try r.enumeration("method", TestMethod.self)
      antigens.append(result)
    }
    for item in try root.elements("viralTests") ?? [] {
      let r = try item.object(fields: Self.viralTestFields)
      let test = try r.required("test", expected: "a viral test name")
      guard let fact = BooleanFact.viralTestsBySpelling[try test.string().lowercased()] else {
        throw test.notOneOf(BooleanFact.viralTests.values.sorted())
      }
      self[fact] = try Self.result(r)
      _ = try r.date("date", notAfter: screening)
      if let load = try Self.viralLoad(r, fact, ranges: ranges) { viralLoads[fact.rawValue] = load }
    }
    if let history = try root.object("history", fields: Self.historyFields) {
      historyComplete = try history.bool("complete") ?? false
      for item in try history.elements("events") ?? [] {
        self.history.append(try Self.event(item.object(fields: Self.eventFields), screening: screening))
      }
    }
    if let plans = try root.object("plans", fields: Self.historyFields) {
      plansComplete = try plans.bool("complete") ?? false
      for item in try plans.elements("events") ?? [] {
        let r = try item.object(fields: Self.planFields)
        self.plans.append(
          PlannedEvent(
            classes: try Self.classes(r.required("class", expected: "an event class name or a list of them")),
            date: try r.date("date")))
      }
    }
    for item in try root.elements("attestations") ?? [] {
      let r = try item.object(fields: Self.attestationFields)
      let trial = try r.required("protocol", expected: "a protocol id").string()
      let criterion = try r.required("criterion", expected: "a criterion id").string()
      let verdict = try r.required("verdict", expected: "met or notMet").enumeration(AttestedVerdict.self)
      attestations.append(
        Attestation(
          protocolID: trial, criterionID: criterion, met: verdict == .met, by: try r.string("by"),
          date: try r.date("date", notAfter: screening)))
    }
  }

  private mutating func readLab(
    _ test: LabTest, _ r: JSONObjectReader, screening: CivilDate, ranges: PlausibleRanges
  ) throws(InputError) {
    let valueField = try r.required("value", expected: "the \(test.rawValue) value")
    let value = try valueField.number(in: 0...Double.greatestFiniteMagnitude, what: "a value")
    var unit = test.canonicalUnit
    if let unitField = r["unit"] {
      guard let parsed = LabUnit(parsing: try unitField.string()) else {
        throw unitField.invalid(expected: "a unit convertible to \(test.canonicalUnit)")
      }
      unit = parsed
    } else if test.canonicalUnit != .ratio {
      throw r.missing("unit", expected: "a unit convertible to \(test.canonicalUnit)")
    }
    guard let factor = unit.factor(to: test.canonicalUnit, analyte: test.analyte) else {
      throw r["unit"]!.invalid(expected: "a unit convertible to \(test.canonicalUnit)")
    }
    let uln = try r.number("uln")
    if let uln, uln <= 0 { throw r["uln"]!.invalid(expected: "an upper limit of normal greater than 0") }
    let lln = try r.number("lln", in: 0...Double.greatestFiniteMagnitude)
    let date = try r.date("date", notAfter: screening)
    if case .measurement(let given) = unit {
      try ranges.check(test.plausible, value, unit: given, at: valueField)
    } else {
      try ranges.check(test.plausible, value, at: valueField)
    }
    self[test] = LabResult(
      value: value * factor, recordedValue: value, recordedUnit: unit.description, upperLimitOfNormal: uln,
      lowerLimitOfNormal: lln, date: date, method: try r.enumeration("method", LabMethod.self),
      oxygen: try r.enumeration("oxygen", OxygenCondition.self))
  }

  /// A nucleic-acid test's `value` in `unit` (IU/mL, the default, or copies/mL), checked against
  /// the viral-load plausibility range; a value on another test is an error.
  static func viralLoad(_ r: JSONObjectReader, _ fact: BooleanFact, ranges: PlausibleRanges)
    throws(InputError)
    -> ViralLoad?
  {
    guard let valueField = r["value"] else {
      if let unit = r["unit"] { throw unit.invalid(expected: "a unit together with a value") }
      return nil
    }
    guard fact.hasViralLoad else {
      throw valueField.invalid(
        expected: "no value: only HBV-DNA, HCV-RNA, EBV-DNA and CMV-DNA carry a quantity")
    }
    let value = try valueField.number(in: 0...Double.greatestFiniteMagnitude, what: "a viral load")
    var unit = MeasurementUnit.iuPerML
    if let unitField = r["unit"] {
      guard let parsed = MeasurementUnit(parsing: try unitField.string()),
        parsed == .iuPerML || parsed == .copiesPerML
      else { throw unitField.invalid(expected: "IU/mL or copies/mL") }
      unit = parsed
    }
    try ranges.check(.viralLoad, value, unit: unit, at: valueField)
    return ViralLoad(value: value, unit: unit)
  }

  private mutating func readPerformance(_ r: JSONObjectReader, screening: CivilDate) throws(InputError) {
    let scale = try r.required("scale", expected: "ECOG, Karnofsky or Lansky").enumeration(
      PerformanceScale.self)
    let field = try r.required("score", expected: "the \(scale.rawValue) score")
    let score = try field.number(
      in: scale.range, what: (scale == .ECOG ? "an " : "a ") + "\(scale.rawValue) score")
    guard (score / scale.step).rounded() == score / scale.step else {
      throw field.invalid(expected: "a \(scale.rawValue) score that is a multiple of \(Int(scale.step))")
    }
    _ = try r.date("date", notAfter: screening)
    self[scale.fact] = score
  }

  /// `result`: positive or negative (with the laboratory spellings detected, not detected, …).
  static func result(_ r: JSONObjectReader) throws(InputError) -> Bool {
    try r.required("result", expected: "positive or negative").enumeration(TestResult.self) == .positive
  }

  static func event(_ r: JSONObjectReader, screening: CivilDate) throws(InputError) -> HistoryEvent {
    let classes = try classes(r.required("class", expected: "an event class name or a list of them"))
    guard let date = try r.date("date", notAfter: screening) else {
      throw r.missing("date", expected: "the event's date YYYY-MM-DD")
    }
    let endDate = try r.date("endDate", notAfter: screening)
    if let endDate, endDate < date {
      throw r["endDate"]!.invalid(expected: "an end date on or after the event's date \(date)")
    }
    let ongoing = try r.bool("ongoing")
    if ongoing == true, endDate != nil {
      throw r["ongoing"]!.invalid(
        expected: "endDate or ongoing: true, not both", found: "both", kind: .conflict)
    }
    let event = HistoryEvent(
      classes: classes, date: date,
      dose: try r.number("prednisoneEquivalentMgPerDay", in: 0...100_000, unit: "mg/day"),
      grade: try r.number("grade", in: 0...5), note: try r.string("note"),
      route: try r.enumeration("route", Route.self), endDate: endDate, ongoing: ongoing,
      tumourType: try r.enumeration("type", TumourType.self))
    if event.tumourType != nil, !event.classes.intersects(EventClassSet(mask: EventClass.malignancy.bit)) {
      throw r["type"]!.invalid(expected: "no type: only a malignancy event has a tumour type")
    }
    _ = try r.string("site")
    _ = try r.string("agent")
    return event
  }

  /// `class`: one event class name or a non-empty list of them.
  static func classes(_ field: JSONReader) throws(InputError) -> EventClassSet {
    let names: [JSONReader]
    if case .array = field.value.content { names = try field.elements() } else { names = [field] }
    guard !names.isEmpty else {
      throw field.invalid(expected: "an event class name or a non-empty list of them")
    }
    var classes = EventClassSet()
    for name in names {
      let text = try name.string()
      guard let c = EventClass.allCases.first(where: { $0.name == text }) else {
        throw name.notOneOf(EventClass.allCases.map(\.name))
      }
      classes.insert(c)
    }
    return classes
  }
}

extension LabTest {
  /// The lab names of the record's `labs` object.
  static let fieldNames = allCases.map(\.rawValue)
}
