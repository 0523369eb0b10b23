import Eligibility
import Foundation
import Inputs
import TrialModel

/// Pre-screening a patient against one registry record: a short questionnaire made from the
/// record's computable criteria (the suggestions of ``CriteriaSuggester``), and per criterion
/// "likely met", "likely not eligible because …" or "the study team must check" — never a final
/// verdict. The answers become a patient record (README: patient record) screened by the same
/// criteria language as a trial's screening; what the questionnaire does not ask (dates of earlier
/// treatments, lab reference ranges, how a marker was measured) is left unrecorded, so criteria
/// that need it come out for the study team.
public struct PreScreening: Sendable {
  /// What one criterion says about the answers.
  public enum Outcome: String, Sendable, Hashable, Codable {
    case likelyMet, likelyNotMet, studyTeamMustCheck
  }

  /// One criterion's outcome, with its words.
  public struct Finding: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
    public var outcome: Outcome
    /// Why, in the screening's words (`ecog 3 > 2`), or what is not known.
    public var because: String
  }

  /// The answer for the whole trial.
  public struct Result: Sendable, Hashable, Codable {
    public var nctId: String
    /// "likely not eligible", or "may be eligible: the study team must check N criteria".
    public var summary: String
    public var likelyNotEligible: Bool
    public var findings: [Finding]
  }

  public let nctId: String
  public let items: [CriteriaItem]
  public let suggestions: [String: CriterionSuggestion]
  public let questions: [PreScreeningQuestion]
  /// The suggested expressions compiled once (`nil` when none compiles together).
  let compiled: CompiledCriteria?

  public init(_ record: RegistryRecord, suggester: CriteriaSuggester = CriteriaSuggester()) {
    nctId = record.nctId
    items = CriteriaSplitter.split(record.eligibility.criteria)
    var suggestions: [String: CriterionSuggestion] = [:]
    for item in items {
      if let s = suggester.suggest(item.text, isExclusion: item.kind == .exclusion) {
        suggestions[item.id] = s
      }
    }
    self.suggestions = suggestions
    let names = Set(suggestions.values.flatMap { Self.names(in: $0.expression) })
    questions = PreScreeningQuestion.all.filter { !$0.reads.isDisjoint(with: names) }
    let criteria = items.compactMap { item in
      suggestions[item.id].map {
        Criterion(id: item.id, text: item.text, kind: item.kind, expression: $0.expression)
      }
    }
    compiled = try? CriteriaCompiler.compile(protocolID: nctId, criteria: criteria)
  }

  /// The identifiers an expression reads (`ever(hsct.allogeneic)` → `ever`, `hsct.allogeneic`).
  static func names(in expression: String) -> [String] {
    expression.split { !($0.isLetter || $0.isNumber || $0 == ".") }.map(String.init)
  }

  /// The answers (question id → value) as a patient record screened on `date`; a value out of its
  /// range is an error naming the question.
  public static func patientRecord(_ answers: [String: String], on date: CivilDate) throws(InputError)
    -> PatientRecord
  {
    let day = date.description
    func yes(_ id: String) -> Bool? {
      switch answers[id] {
      case "yes": true;
      case "no": false;
      default: nil
      }
    }
    func number(_ id: String) throws(InputError) -> Double? {
      guard let text = answers[id]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
      guard let value = Double(text), value.isFinite, value >= 0 else {
        throw InputError(field: id, expected: "a number", found: "\"\(text)\"")
      }
      return value
    }
    var record: [String: Any] = ["screeningDate": day]
    var demographics: [String: Any] = [:]
    if let age = try number("age") { demographics["ageYears"] = age }
    if let sex = answers["sex"], ["female", "male"].contains(sex) { demographics["sex"] = sex }
    if !demographics.isEmpty { record["demographics"] = demographics }
    var disease: [String: Any] = [:]
    if let b = yes("diagnosis") { disease["diagnosis"] = b ? "B-ALL" : "not B-ALL (the patient's answer)" }
    if let status = answers["status"], status != "unknown", !status.isEmpty { disease["status"] = status }
    if !disease.isEmpty { record["disease"] = disease }
    var antigens: [[String: Any]] = []
    for (id, antigen) in [("cd19", "CD19"), ("cd20", "CD20")] {
      if let b = yes(id) {
        antigens.append(["antigen": antigen, "result": b ? "positive" : "negative", "date": day])
      }
    }
    if !antigens.isEmpty { record["antigens"] = antigens }
    if let text = answers["ecog"], let score = Int(text) {
      record["performance"] = [["scale": "ECOG", "score": score, "date": day]]
    }
    var labs: [String: Any] = [:]
    for id in ["creatinine", "bilirubin"] {
      if let v = try number(id) { labs[id] = ["value": v, "unit": "mg/dL", "date": day] }
    }
    if !labs.isEmpty { record["labs"] = labs }
    if let hiv = yes("hiv") {
      record["viralTests"] = [["test": "HIV-Ab", "result": hiv ? "positive" : "negative", "date": day]]
    }
    var conditions: [String: Any] = [:]
    if let p = yes("pregnant") { conditions["pregnant"] = p }
    if let l = yes("lactating") { conditions["lactating"] = l }
    if let i = yes("infection") {
      conditions["activeInfection"] = i
      if !i { conditions["uncontrolledInfection"] = false }
    }
    if !conditions.isEmpty { record["conditions"] = conditions }
    // Plain data: serialising cannot fail.
    let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    do { return try PatientRecord(json: data, file: "answers") } catch {
      throw InputError(
        error.kind, field: Self.question(for: error.field), expected: error.expected, found: error.found)
    }
  }

  /// The question a patient record's field came from (`labs.creatinine.value` → `creatinine`).
  static func question(for field: String) -> String {
    let map = [
      "demographics.ageYears": "age", "labs.creatinine": "creatinine", "labs.bilirubin": "bilirubin",
      "demographics.sex": "sex", "performance": "ecog", "disease.status": "status",
    ]
    return map.first { field.hasPrefix($0.key) }?.value ?? field
  }

  /// The outcome per criterion for `answers` on `date`.
  public func assess(_ answers: [String: String], on date: CivilDate) throws(InputError) -> Result {
    try assess(Self.patientRecord(answers, on: date))
  }

  /// The outcome per criterion for the answers as a patient record (``patientRecord(_:on:)``).
  public func assess(_ record: PatientRecord) -> Result {
    var results: [String: CriterionResult] = [:]
    if let compiled {
      for r in compiled.screen(record).criteria { results[r.id] = r }
    }
    let findings = items.map { item -> Finding in
      guard let r = results[item.id] else {
        return Finding(
          id: item.id, text: item.text, outcome: .studyTeamMustCheck,
          because: "the questionnaire cannot tell; the study team reads this criterion")
      }
      switch r.verdict {
      case .met: return Finding(id: item.id, text: item.text, outcome: .likelyMet, because: r.evidence)
      case .notMet: return Finding(id: item.id, text: item.text, outcome: .likelyNotMet, because: r.evidence)
      case .missing, .attestation:
        let what =
          r.missing.isEmpty ? r.evidence : "not known from the answers: " + r.missing.joined(separator: ", ")
        return Finding(id: item.id, text: item.text, outcome: .studyTeamMustCheck, because: what)
      }
    }
    let against = findings.filter { $0.outcome == .likelyNotMet }
    let check = findings.filter { $0.outcome == .studyTeamMustCheck }.count
    let summary =
      against.isEmpty
      ? "May be eligible: the study team must check \(check) criteria. This is not a decision."
      : "Likely not eligible because of \(against.map(\.id).joined(separator: ", ")). Only the study team can decide."
    return Result(nctId: nctId, summary: summary, likelyNotEligible: !against.isEmpty, findings: findings)
  }
}
