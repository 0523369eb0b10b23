import Assessment
import Foundation
import Inputs

/// The assessment forms of the subject page — daily CRS (temperature, hypotension, oxygen),
/// ICANS (ICE score or CAPD, consciousness, seizure, motor weakness), a lab value, an adverse event
/// — each building the JSON entry the `record` command takes (the same entry as `subject record
/// --entry`), so the grade is computed by the same graders as everywhere else.
enum EntryForms {
  typealias Field = FormModel.Field

  struct Kind: Sendable {
    var name: String
    var title: String
    var fields: [Field]
    /// The entry's JSON object from the form.
    var entry: @Sendable (FormFields) throws -> String
  }

  static let all: [Kind] = [crs, icans, lab, adverseEvent]

  static func named(_ name: String) -> Kind? { all.first { $0.name == name } }

  static let dayField = Field(
    name: "day", label: "Day after infusion (or give the date)", kind: .number,
    help: "Fractions are hours: 2.5 is day 2, noon.")
  static let dateField = Field(name: "date", label: "Date", kind: .date)

  static let crs = Kind(
    name: "crs", title: "CRS (ASTCT 2019)",
    fields: [
      dayField, dateField,
      Field(name: "temperatureCelsius", label: "Highest temperature (°C)", kind: .number),
      Field(name: "hypotension", label: "Hypotension", kind: .checkbox),
      Field(name: "vasopressors", label: "Vasopressors (number of agents)", kind: .number),
      Field(name: "oxygenDevice", label: "Oxygen", kind: .select(OxygenDevice.allCases.map(\.rawValue))),
      Field(name: "oxygenFlowLitresPerMinute", label: "Oxygen flow (L/min)", kind: .number),
    ]
  ) { form in
    try entry(
      form, key: "crs", numbers: ["temperatureCelsius", "vasopressors", "oxygenFlowLitresPerMinute"],
      flags: ["hypotension"], names: ["oxygenDevice"])
  }

  static let icans = Kind(
    name: "icans", title: "ICANS (ASTCT 2019)",
    fields: [
      dayField, dateField,
      Field(name: "ice", label: "ICE score (0–10)", kind: .number, help: "Ages 12 and over; CAPD below."),
      Field(name: "capd", label: "CAPD total (0–32)", kind: .number),
      Field(
        name: "consciousness", label: "Level of consciousness",
        kind: .select(ConsciousnessLevel.allCases.map(\.rawValue))),
      Field(name: "seizure", label: "Seizure", kind: .select(SeizureFinding.allCases.map(\.rawValue))),
      Field(name: "motorWeakness", label: "Deep focal motor weakness", kind: .checkbox),
    ]
  ) { form in
    var object: [String] = []
    for key in ["ice", "capd"] {
      if let total = try number(form, key) { object.append("\"\(key)\":{\"total\":\(format(total))}") }
    }
    return try entry(
      form, key: "icans", numbers: [], flags: ["motorWeakness"], names: ["consciousness", "seizure"],
      extra: object)
  }

  static let lab = Kind(
    name: "lab", title: "Lab value (CTCAE v5)",
    fields: [
      dayField, dateField,
      Field(name: "term", label: "Test", kind: .select(LabTerm.allCases.map(\.rawValue)), required: true),
      Field(name: "value", label: "Value", kind: .number, required: true),
      Field(name: "unit", label: "Unit (e.g. x10^9/L, g/L, µmol/L)", kind: .text, required: true),
      Field(name: "lln", label: "Lower limit of normal", kind: .number),
      Field(name: "uln", label: "Upper limit of normal", kind: .number),
    ]
  ) { form in
    try entry(form, key: "lab", numbers: ["value", "lln", "uln"], flags: [], names: ["term", "unit"])
  }

  static let adverseEvent = Kind(
    name: "ae", title: "Adverse event (CTCAE v5)",
    fields: [
      dayField, dateField,
      Field(name: "term", label: "Term", kind: .text, required: true),
      Field(name: "grade", label: "Grade (1–5)", kind: .number, required: true),
      Field(name: "haematological", label: "Haematological", kind: .checkbox),
    ]
  ) { form in
    try entry(form, key: "adverseEvent", numbers: ["grade"], flags: ["haematological"], names: ["term"])
  }

  static func number(_ form: FormFields, _ key: String) throws -> Double? {
    guard let text = form.first(key) else { return nil }
    guard let x = Double(text), x.isFinite else {
      throw InputError(.invalidValue, field: key, expected: "a number", found: "\"\(text)\"")
    }
    return x
  }

  static func format(_ x: Double) -> String { JSONReader.format(x) }

  static func quoted(_ s: String) -> String {
    JSONValue(.string(s), offset: 0).jsonText
  }

  /// `{"day": D | "date": "…", KEY: {numbers…, flags…, names…}}`.
  static func entry(
    _ form: FormFields, key: String, numbers: [String], flags: [String], names: [String], extra: [String] = []
  ) throws -> String {
    var inner = extra
    for n in numbers { if let x = try number(form, n) { inner.append("\"\(n)\":\(format(x))") } }
    for f in flags where form.first(f) != nil { inner.append("\"\(f)\":true") }
    for n in names { if let v = form.first(n) { inner.append("\"\(n)\":\(quoted(v))") } }
    var outer: [String] = []
    if let day = try number(form, "day") { outer.append("\"day\":\(format(day))") }
    if let date = form.first("date") { outer.append("\"date\":\(quoted(date))") }
    guard !outer.isEmpty else {
      throw InputError.missing("day", expected: "the day after infusion, or the date")
    }
    outer.append("\"\(key)\":{" + inner.joined(separator: ",") + "}")
    return "{" + outer.joined(separator: ",") + "}"
  }

  /// The form of `kind` posting to `path`, grading as it is typed through `live`.
  static func form(_ kind: Kind, path: String, live: String, csrf: String?) -> FormModel {
    FormModel(
      name: kind.name, title: kind.title, action: path,
      button: "Record \(kind.name == "ae" ? "adverse event" : kind.name.uppercased())",
      fields: kind.fields, csrf: csrf, live: kind.name == "crs" || kind.name == "icans" ? live : nil)
  }
}
