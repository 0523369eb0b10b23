import Foundation
import Inputs
import TrialConduct

/// The form of each conduct command on the pages: its labelled fields, in the words of the case
/// report form. The fields' names are the API's (``CommandSpec``), so a form posts what the API
/// takes; the assessment forms (CRS, ICANS, lab, adverse event) build the one `entry` field.
enum CommandForms {
  typealias Field = FormModel.Field

  static func fields(_ action: String, groups: [String] = [], levels: [Int] = []) -> [Field] {
    switch action {
    case "consent": [date("date", "Date consent was signed")]
    case "attest":
      [
        Field(name: "criteria", label: "Criteria (ids, separated by commas)", kind: .text, required: true),
        Field(name: "satisfied", label: "The subject meets these criteria", kind: .checkbox, value: "true"),
        Field(name: "note", label: "Note", kind: .text),
      ]
    case "enroll": [Field(name: "group", label: "Group", kind: .select(groups))]
    case "leukapheresis", "release":
      [date("date", "Date"), Field(name: "detail", label: "Lot or note", kind: .text)]
    case "manufacturing-failed":
      [
        date("date", "Date"),
        Field(name: "reason", label: "Why manufacturing failed", kind: .text, required: true),
      ]
    case "treat":
      [
        date("date", "Date"), Field(name: "agent", label: "Agent", kind: .text, required: true),
        Field(name: "dose", label: "Dose with unit (e.g. 8 mg/kg)", kind: .text),
        Field(
          name: "purpose", label: "Purpose",
          kind: .select(ConcomitantTreatment.Purpose.allCases.map(\.rawValue)),
          required: true),
      ]
    case "lymphodeplete":
      [
        date("date", "First day"),
        Field(
          name: "agents", label: "Agents (NAME=MG_PER_M2_PER_DAYxDAYS, separated by commas)", kind: .text,
          required: true, value: "fludarabine=30x3, cyclophosphamide=500x3"),
        Field(name: "bodySurfaceAreaM2", label: "Body surface area (m²)", kind: .number, required: true),
      ]
    case "infuse":
      [
        date("date", "Infusion date"),
        Field(
          name: "weightKg", label: "Body weight on the day (kg)", kind: .number, required: true,
          help: "The dose in cells and cells/kg follows from the protocol's dosing and caps."),
      ]
    case "sample":
      [
        Field(name: "day", label: "Day after infusion", kind: .number, required: true),
        Field(name: "value", label: "Level", kind: .number),
        Field(name: "unit", label: "Unit", kind: .text, value: "copies/µg DNA"),
        Field(name: "belowLLOQ", label: "Below the lower limit of quantification", kind: .checkbox),
      ]
    case "adjudicate":
      [
        Field(
          name: "outcome", label: "Outcome", kind: .select(DLTAdjudicated.Outcome.allCases.map(\.rawValue)),
          required: true),
        Field(name: "reason", label: "Reason (required when it differs from the rules)", kind: .text),
      ]
    case "off-study":
      [
        date("date", "Date"),
        Field(
          name: "reason", label: "Reason", kind: .select(OffStudy.Reason.allCases.map(\.rawValue)),
          required: true),
        Field(name: "detail", label: "Detail", kind: .text),
      ]
    case "assess":
      [
        Field(
          name: "assessment", label: "Disease assessment (JSON)", kind: .textArea, required: true,
          help: "{\"day\": 28, \"marrowBlastsPercent\": 2, \"mrd\": {…}} as in the response records")
      ]
    case "confirm": [password()]
    case "override":
      [
        Field(
          name: "level", label: "Level for the next cohort", kind: .select(levels.map { String($0) }),
          required: true),
        Field(name: "reason", label: "Reason for overriding", kind: .text, required: true), password(),
      ]
    case "sign":
      [
        Field(
          name: "meaning", label: "Meaning", kind: .select(Signature.Meaning.allCases.map(\.rawValue)),
          required: true),
        password(),
      ]
    case "activate-site":
      [
        Field(name: "site", label: "Site id", kind: .text, required: true),
        Field(name: "name", label: "Site name", kind: .text),
      ]
    default: []
    }
  }

  static func date(_ name: String, _ label: String) -> Field {
    Field(name: name, label: label, kind: .date, required: true)
  }

  static func password() -> Field {
    Field(
      name: "password", label: "Your password (your signature)", kind: .password, required: true,
      help: "Signing with your password is your electronic signature (21 CFR 11.200).")
  }

  static let titles: [String: String] = [
    "consent": "Consent", "attest": "Attest criteria", "enroll": "Enrol", "leukapheresis": "Leukapheresis",
    "release": "Product released", "manufacturing-failed": "Manufacturing failed",
    "treat": "Bridging or concomitant treatment", "lymphodeplete": "Lymphodepletion", "infuse": "Infusion",
    "sample": "Kinetics sample", "adjudicate": "DLT adjudication", "off-study": "Off study",
    "assess": "Disease assessment", "confirm": "Confirm the recommendation",
    "override": "Override the recommendation",
    "sign": "Sign", "activate-site": "Activate a site",
  ]

  /// The form of `action` posting to `path`.
  static func form(
    _ action: String, path: String, csrf: String?, groups: [String] = [], levels: [Int] = []
  ) -> FormModel {
    FormModel(
      name: action, title: titles[action] ?? action, action: path, button: titles[action] ?? "Record",
      fields: fields(action, groups: groups, levels: levels), csrf: csrf)
  }
}
