import Inputs
import TrialConduct
import TrialModel
import TrialStore

/// Every conduct command the API and the pages accept: where it is addressed, its fields, and how
/// they become a ``ConductCommand``. Adding a command to the server is one entry here (its route,
/// its OpenAPI operation and its form all follow from it).
struct CommandSpec: Sendable {
  /// What the command's path names after the trial.
  enum Scope: String, Sendable {
    /// `/api/v1/trials/{trial}/{action}`
    case trial
    /// `/api/v1/trials/{trial}/subjects/{subject}/{action}`
    case subject
    /// `/api/v1/trials/{trial}/groups/{group}/{action}`
    case group
    /// `/api/v1/trials/{trial}/events/{seq}/{action}`
    case event
  }

  let action: String
  let scope: Scope
  let summary: String
  /// The body's fields, and which of them are required (for the OpenAPI document).
  let fields: [String]
  let required: [String]
  /// The signer's password is asked again (21 CFR 11.200: a signature, an override).
  let signs: Bool
  /// The command for the fields and the path's id (subject, group or sequence).
  let make: @Sendable (any CommandFields, String) throws -> ConductCommand

  init(
    _ action: String, _ scope: Scope, _ summary: String, fields: [String], required: [String] = [],
    signs: Bool = false, make: @escaping @Sendable (any CommandFields, String) throws -> ConductCommand
  ) {
    self.action = action
    self.scope = scope
    self.summary = summary
    self.fields = fields + (signs ? ["password"] : [])
    self.required = required + (signs ? ["password"] : [])
    self.signs = signs
    self.make = make
  }

  /// The API path, with OpenAPI-style parameters.
  var path: String {
    switch scope {
    case .trial: "/api/v1/trials/{trial}/\(action)"
    case .subject: "/api/v1/trials/{trial}/subjects/{subject}/\(action)"
    case .group: "/api/v1/trials/{trial}/groups/{group}/\(action)"
    case .event: "/api/v1/trials/{trial}/events/{seq}/\(action)"
    }
  }

  var idParameter: String? {
    switch scope {
    case .trial: nil
    case .subject: "subject"
    case .group: "group"
    case .event: "seq"
    }
  }
}

extension CommandSpec {
  static func sequence(_ id: String) throws -> Int {
    guard let n = Int(id), n >= 1 else {
      throw InputError(
        .invalidValue, field: "seq", expected: "an event sequence number 1, 2, 3, …", found: "\"\(id)\"")
    }
    return n
  }

  /// The catalog. `correct` is special: its entry is read against the event it corrects.
  static let all: [CommandSpec] = [
    CommandSpec(
      "activate-site", .trial, "Activate a site for the trial.", fields: ["site", "name"], required: ["site"]
    ) {
      f, _ in .activateSite(site: try f.required("site", "a site id"), name: try f.string("name"))
    },
    CommandSpec(
      "amend", .trial, "Amend the protocol (its full new text, with the reason).",
      fields: ["protocolText", "reason"],
      required: ["protocolText", "reason"]
    ) { f, _ in
      let text = try f.required("protocolText", "the amended protocol's full text (YAML)")
      return .amendProtocol(
        text: text, hash: TrialLedger.protocolHash(text),
        reason: try f.required("reason", "why the protocol is amended"))
    },
    CommandSpec(
      "screen", .subject, "Screen a subject with a patient record against the protocol in force.",
      fields: ["site", "group", "patient"], required: ["patient"]
    ) { f, id in
      .screen(
        subject: id, site: try f.string("site"), group: try f.string("group"),
        patientRecord: try f.requiredJSON("patient", "the patient record (JSON, as for `cartrial screen`)"),
        file: "patient")
    },
    CommandSpec(
      "attest", .subject, "An investigator judges criteria only a person can judge.",
      fields: ["criteria", "satisfied", "note"], required: ["criteria"]
    ) { f, id in
      let criteria = try f.strings("criteria")
      guard !criteria.isEmpty else {
        throw InputError.missing("criteria", expected: "one or more criterion ids")
      }
      return .attest(
        subject: id, criteria: criteria, satisfied: try f.bool("satisfied") ?? true,
        note: try f.string("note"))
    },
    CommandSpec(
      "consent", .subject, "Record the date informed consent was signed.", fields: ["date"],
      required: ["date"]
    ) {
      f, id in .consent(subject: id, date: try f.requiredDate("date"))
    },
    CommandSpec(
      "enroll", .subject, "Enrol into the group's open cohort at its current level.", fields: ["group"]
    ) {
      f, id in .enroll(subject: id, group: try f.string("group"))
    },
    CommandSpec(
      "leukapheresis", .subject, "Record leukapheresis.", fields: ["date", "detail"], required: ["date"]
    ) {
      f, id in .leukapheresis(subject: id, date: try f.requiredDate("date"), detail: try f.string("detail"))
    },
    CommandSpec(
      "release", .subject, "Record the product's release.", fields: ["date", "detail"], required: ["date"]
    ) {
      f, id in .releaseProduct(subject: id, date: try f.requiredDate("date"), detail: try f.string("detail"))
    },
    CommandSpec(
      "manufacturing-failed", .subject, "Record that manufacturing failed (frees the slot).",
      fields: ["date", "reason"], required: ["date", "reason"]
    ) { f, id in
      .failProduct(
        subject: id, date: try f.requiredDate("date"),
        detail: try f.required("reason", "why manufacturing failed"))
    },
    CommandSpec(
      "treat", .subject, "Record a bridging or concomitant treatment.",
      fields: ["date", "agent", "dose", "purpose"],
      required: ["date", "agent", "purpose"]
    ) { f, id in
      .treat(
        ConcomitantTreatment(
          subject: id, date: try f.requiredDate("date"), agent: try f.required("agent", "the agent"),
          dose: try f.string("dose"), purpose: try f.requiredEnumeration("purpose")))
    },
    CommandSpec(
      "lymphodeplete", .subject, "Record lymphodepleting chemotherapy.",
      fields: ["date", "agents", "bodySurfaceAreaM2"],
      required: ["date", "agents", "bodySurfaceAreaM2"]
    ) { f, id in
      let agents = try f.strings("agents").enumerated().map { i, text in
        do throws(InputError) { return try LymphodepletionGiven.Agent(text: text) } catch {
          throw InputError(error.kind, field: "agents[\(i)]", expected: error.expected, found: error.found)
        }
      }
      guard !agents.isEmpty else {
        throw InputError.missing(
          "agents", expected: "one or more NAME=MG_PER_M2_PER_DAYxDAYS (fludarabine=30x3)")
      }
      return .lymphodeplete(
        LymphodepletionGiven(
          subject: id, date: try f.requiredDate("date"), agents: agents,
          bodySurfaceAreaM2: try f.requiredNumber("bodySurfaceAreaM2", "the body surface area in m²")))
    },
    CommandSpec(
      "infuse", .subject, "Record the infusion (the dose follows from the weight and the protocol's dosing).",
      fields: ["date", "weightKg"], required: ["date", "weightKg"]
    ) { f, id in
      .infuse(
        subject: id, date: try f.requiredDate("date"),
        weightKg: try f.requiredNumber("weightKg", "the weight in kg"))
    },
    CommandSpec(
      "record", .subject, "Record one assessment entry (CRS/ICANS observation, lab, adverse event).",
      fields: ["entry"],
      required: ["entry"]
    ) { f, id in
      .record(subject: id, entry: try f.requiredJSON("entry", "an assessment entry (JSON)"), file: "entry")
    },
    CommandSpec(
      "assess", .subject, "Record a disease assessment (marrow, MRD, extramedullary).",
      fields: ["assessment"],
      required: ["assessment"]
    ) { f, id in
      .assessDisease(
        subject: id, assessment: try f.requiredJSON("assessment", "a disease assessment (JSON)"),
        file: "assessment")
    },
    CommandSpec(
      "sample", .subject, "Record a kinetics sample.", fields: ["day", "value", "unit", "belowLLOQ"],
      required: ["day"]
    ) { f, id in
      let below = try f.bool("belowLLOQ") ?? false
      let value = try f.number("value")
      guard below || value != nil else {
        throw InputError.missing("value", expected: "the level measured (or belowLLOQ: true)")
      }
      return .sample(
        KineticsSampled(
          subject: id, day: try f.requiredNumber("day", "days after infusion"), value: value,
          unit: try f.string("unit") ?? "copies/µg DNA", belowLLOQ: below))
    },
    CommandSpec(
      "adjudicate", .subject, "Adjudicate the subject's DLT.", fields: ["outcome", "reason"],
      required: ["outcome"]
    ) { f, id in
      .adjudicate(subject: id, outcome: try f.requiredEnumeration("outcome"), reason: try f.string("reason"))
    },
    CommandSpec(
      "off-study", .subject, "Take the subject off study.", fields: ["date", "reason", "detail"],
      required: ["date", "reason"]
    ) { f, id in
      .offStudy(
        subject: id, date: try f.requiredDate("date"), reason: try f.requiredEnumeration("reason"),
        detail: try f.string("detail"))
    },
    CommandSpec("confirm", .group, "Confirm the design's recommendation (signed).", fields: [], signs: true) {
      _, id in
      .confirm(group: id)
    },
    CommandSpec(
      "override", .group, "Override the recommendation with another level and the reason (signed).",
      fields: ["level", "reason"], required: ["level", "reason"], signs: true
    ) { f, id in
      guard let level = try f.int("level") else {
        throw InputError.missing("level", expected: "the level for the next cohort")
      }
      return .override(
        group: id, level: level, reason: try f.required("reason", "why the recommendation is overridden"))
    },
    CommandSpec(
      "sign", .event, "Sign an event: review, approval or responsibility (21 CFR 11.50).",
      fields: ["meaning"],
      required: ["meaning"], signs: true
    ) { f, id in
      .sign(sequence: try sequence(id), meaning: try f.requiredEnumeration("meaning"))
    },
  ]

  /// The fields whose value is a JSON document of its own (read with the field's name as its file).
  static let documentFields: Set<String> = ["patient", "entry", "assessment"]

  /// `correct`: its fields; the command is made against the log (``ConductCommand/correcting``).
  static let correctFields = ["reason", "entry"]

  static func named(_ action: String, scope: Scope) -> CommandSpec? {
    all.first { $0.action == action && $0.scope == scope }
  }
}
