import Assessment
import Foundation
import TrialConduct
import TrialModel

/// A trial as an HL7 FHIR R4 (4.0.1) `Bundle` of type `collection`: one `ResearchStudy` with an
/// arm per group and dose level, a pseudonymous `Patient` per subject (no name: the subject id as
/// identifier, system `urn:cartrial:<trial>:subject`), a `ResearchSubject` per subject and an
/// `Observation` per recorded CRS, ICANS or CTCAE grade ≥ 1.
///
/// Observation codes are the sponsor's, documented here: system `urn:cartrial:grade`, codes
/// `crs-astct` and `icans-astct` (ASTCT 2019 consensus grades, Lee et al. 2019) and `ctcae`
/// (CTCAE v5.0 grade; the term in `code.text`); `valueInteger` is the grade.
public enum FHIRBundle {
  /// The bundle as JSON (keys sorted, so the same trial gives the same bytes).
  public static func json(_ state: TrialState) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: bundle(state), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }

  /// The bundle as a JSON object.
  public static func bundle(_ state: TrialState) -> [String: Any] {
    var entries: [[String: Any]] = [entry(researchStudy(state))]
    for s in state.orderedSubjects {
      entries.append(entry(patient(state, s)))
      entries.append(entry(researchSubject(state, s)))
      entries += observations(state, s).map(entry)
    }
    return ["resourceType": "Bundle", "type": "collection", "entry": entries]
  }

  static func entry(_ resource: [String: Any]) -> [String: Any] {
    [
      "fullUrl": "urn:uuid:\(uuid(resource["resourceType"] as! String, resource["id"] as! String))",
      "resource": resource,
    ]
  }

  /// A name-based UUID (version 5 layout over a simple hash; stable per resource).
  static func uuid(_ type: String, _ id: String) -> String {
    var h: [UInt8] = Array(repeating: 0, count: 16)
    for (i, b) in Array("\(type)/\(id)".utf8).enumerated() {
      h[i % 16] = h[i % 16] &* 31 &+ b &+ UInt8(i % 251)
    }
    h[6] = (h[6] & 0x0F) | 0x50
    h[8] = (h[8] & 0x3F) | 0x80
    let hex = h.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
      .joined()
    let c = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
  }

  /// FHIR ids: `[A-Za-z0-9\-\.]{1,64}`.
  static func id(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" }.prefix(64))
  }

  static func arm(_ group: String, _ level: Int) -> String { "\(group)-L\(level)" }

  static func researchStudy(_ state: TrialState) -> [String: Any] {
    var arms: [[String: Any]] = []
    for g in state.groups {
      for l in state.definition(ofGroup: g.id)?.doseLevels ?? [] {
        arms.append([
          "name": arm(g.id, l.level), "description": "Group \(g.id) dose level \(l.level): \(l.dose)",
        ])
      }
    }
    return [
      "resourceType": "ResearchStudy", "id": id(state.trial),
      "identifier": [["system": "https://clinicaltrials.gov", "value": state.trial]],
      "title": state.protocolInForce.title, "status": "active", "arm": arms,
    ]
  }

  static func patient(_ state: TrialState, _ s: SubjectState) -> [String: Any] {
    [
      "resourceType": "Patient", "id": id("\(state.trial)-\(s.id)"),
      "identifier": [["system": "urn:cartrial:\(state.trial):subject", "value": s.id]],
    ]
  }

  /// ResearchSubject.status (R4 value set research-subject-status) from the subject's state.
  static func status(_ s: SubjectState) -> String {
    switch s.status {
    case .screened, .consented: "candidate"
    case .enrolled, .awaitingProduct, .productReleased, .lymphodepleted: "on-study"
    case .productFailed: "not-registered"
    case .inDLTWindow: "on-study-intervention"
    case .evaluable, .notEvaluable: "follow-up"
    case .offStudy: "off-study"
    }
  }

  static func researchSubject(_ state: TrialState, _ s: SubjectState) -> [String: Any] {
    var r: [String: Any] = [
      "resourceType": "ResearchSubject", "id": id("\(state.trial)-\(s.id)-rs"), "status": status(s),
      "study": ["reference": "urn:uuid:\(uuid("ResearchStudy", id(state.trial)))"],
      "individual": ["reference": "urn:uuid:\(uuid("Patient", id("\(state.trial)-\(s.id)")))"],
    ]
    if let e = s.enrolment { r["assignedArm"] = arm(e.group, e.level) }
    if let i = s.infusion { r["actualArm"] = arm(i.dose.group, i.dose.level) }
    return r
  }

  static func observations(_ state: TrialState, _ s: SubjectState) -> [[String: Any]] {
    guard let infusion = s.infusion?.date,
      let events = try? state.subjectRecord(s, through: nil).gradedEvents(
        settings: state.protocolInForce.assessment)
    else { return [] }
    let patient = "urn:uuid:\(uuid("Patient", id("\(state.trial)-\(s.id)")))"
    return events.enumerated().filter { $0.element.grade >= 1 }.map { n, e in
      let (code, display): (String, String) =
        switch e.kind {
        case .crs: ("crs-astct", "CRS grade (ASTCT 2019)")
        case .icans: ("icans-astct", "ICANS grade (ASTCT 2019)")
        case .lab, .adverseEvent: ("ctcae", "CTCAE v5.0 grade")
        }
      return [
        "resourceType": "Observation", "id": id("\(state.trial)-\(s.id)-g\(n + 1)"), "status": "final",
        "code": [
          "coding": [["system": "urn:cartrial:grade", "code": code, "display": display]], "text": e.term,
        ],
        "subject": ["reference": patient],
        "effectiveDateTime": infusion.adding(days: Int(e.day.rounded(.down))).description,
        "valueInteger": e.grade,
      ]
    }
  }
}
