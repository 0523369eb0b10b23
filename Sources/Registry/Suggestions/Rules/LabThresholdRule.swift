import Foundation

/// Lab and organ-function thresholds, alone or as a list: "creatinine ≤ 1.6mg/dl", "ALT and
/// AST≤3 times the ULN for age, total bilirubin ≤ 2.0mg/dl", "Endogenous creatinine clearance ≥ 30
/// ml/min (using Cockcroft Gault formula)", "left ventricular ejection fraction ≥ 50% by
/// echocardiogram", "total bilirubin>1.5×ULN, ALT>2.5×ULN" (an exclusion: any one excludes).
///
/// Every part of the text must be a threshold on a named measurement, a measurement sharing the
/// next threshold ("ALT and AST ≤ 3 × ULN"), or an organ-function heading ("Adequate organ function
/// defined as"); anything else (a condition, "or", "unless", a second reading for a subgroup) makes
/// the rule decline. Thresholds in × ULN compare with the record's reference range
/// (`labs.TEST.uln`); `crcl` is Cockcroft–Gault (Cockcroft & Gault, Nephron 1976), the language's
/// derived value. An inclusion's thresholds must all state the favourable side (a lower limit of
/// LVEF, an upper one of creatinine), an exclusion's the unfavourable one.
struct LabThresholdRule: SuggestionRule {
  let name = "lab-threshold"

  private static let tokens: [(NSRegularExpression, String)] = LabName.spellings.map { lab, spelling in
    (try! NSRegularExpression(pattern: spelling), "@" + lab.rawValue)
  }
  private static let uln = try! NSRegularExpression(
    pattern:
      #"\s*(?:x|times|fold(?: of)?)? ?(?:the )?(?:institutional |normal )?(?:upper limits? of (?:the )?normal(?: value| range)?|uln)(?: ?\(uln\))?"#
  )
  private static let qualifier =
    #"for age|for age and sex|for age and gender|by echocardiogram|by echocardiography|by echo|by ultrasound cardiogram|on room air|in room air|at room air|at rest on room air|without (?:supplemental )?oxygen(?: supplementation| inhalation| support)?|in non oxygen inhalation state"#
  private static let threshold = TextPattern(
    #"(@[a-z0-9]+)(?: (?:level|levels|value|count|concentration))?(?: of| is| was| should be| must be| shall be| were|:)? ?"#
      + ComparisonWords.pattern + " ?" + QuantityWords.number + #" ?"# + LabName.unitPattern + "?"
      + " ?(" + qualifier + ")?")
  private static let nameOnly = TextPattern(#"(@[a-z0-9]+)"#)
  private static let heading = TextPattern(
    #"(?:adequate |normal |sufficient |abnormal )?(?:organ|liver|hepatic|renal|kidney|cardiac|heart|lung|pulmonary|bone marrow|hematologic(?:al)?|coagulation)(?: and (?:organ|liver|hepatic|renal|kidney|cardiac|heart|lung|pulmonary|bone marrow|hematologic(?:al)?|coagulation))? (?:functions?|reserve)(?: (?:is |are )?(?:defined as|as follows|as defined below|requirements))?|defined as|as follows"#
  )
  private static let cockcroftGault = TextPattern(
    #"(?:using |calculated by |by |according to )?(?:the )?cock(?:c)?roft[- ]?gault(?: formula| equation| method)?"#
  )

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard let chunks = Self.chunks(wording.text) else { return nil }
    var terms: [String] = []
    var assumptions: [String] = []
    var pending: [LabName] = []
    var sawCockcroftGault = false
    for chunk in chunks {
      if let m = Self.nameOnly.match(chunk), let lab = m[0].flatMap(Self.lab) {
        pending.append(lab)
        continue
      }
      if Self.heading.match(chunk) != nil { continue }
      if Self.cockcroftGault.match(chunk) != nil {
        sawCockcroftGault = true
        continue
      }
      guard let m = Self.threshold.match(chunk), let lab = m[0].flatMap(Self.lab), let phrase = m[1],
        let op = ComparisonWords.operator(phrase), let value = m[2]
      else { return nil }
      let labs = pending + [lab]
      pending = []
      for lab in labs {
        guard let term = term(lab, op, value, unit: m[3], qualifier: m[4], isExclusion: isExclusion) else {
          return nil
        }
        terms.append(term.expression)
        assumptions.append(contentsOf: term.assumptions.filter { !assumptions.contains($0) })
      }
    }
    guard pending.isEmpty, !terms.isEmpty else { return nil }
    if terms.contains(where: { $0.hasPrefix("crcl ") }) && !sawCockcroftGault {
      assumptions.append(
        "Creatinine clearance is the Cockcroft–Gault estimate from serum creatinine and actual body weight (crcl)."
      )
    }
    return CriterionSuggestion(
      expression: terms.joined(separator: isExclusion ? " or " : " and "), rule: name,
      assumptions: assumptions)
  }

  /// One comparison, or `nil` when the unit does not fit the measurement or the side is not the
  /// one an inclusion (exclusion) states.
  private func term(
    _ lab: LabName, _ op: String, _ value: String, unit: String?, qualifier: String?, isExclusion: Bool
  ) -> (expression: String, assumptions: [String])? {
    let statesLowerLimit = op.hasPrefix(">")
    guard statesLowerLimit == (lab.higherIsBetter != isExclusion) else { return nil }
    guard let languageUnit = lab.languageUnit(unit) else { return nil }
    var assumptions: [String] = []
    var subject = lab.rawValue
    switch (lab, qualifier) {
    case (.lvef, let q?) where q.hasPrefix("by echo") || q == "by ultrasound cardiogram":
      subject = "lvef[method == echocardiography]"
    case (.lvef, nil): assumptions.append("Any LVEF measurement method counts: the text names none.")
    case (.spo2, let q?) where !q.hasPrefix("for age") && !q.hasPrefix("by "):
      subject = "spo2[oxygen == roomAir]"
    case (.spo2, nil):
      assumptions.append(
        "A saturation measured on supplemental oxygen counts too: the text does not say room air.")
    case (_, let q?) where q.hasPrefix("for age"):
      guard languageUnit == "×ULN" else { return nil }
    case (_, nil): break
    default: return nil
    }
    if languageUnit == "×ULN" {
      assumptions.append(
        "ULN taken as the lab's reference range recorded with the value (labs.\(lab.rawValue).uln).")
    }
    let threshold = languageUnit.map { "\(value) \($0)" } ?? value
    return ("\(subject) \(op) \(threshold)", assumptions)
  }

  /// The text in measurement tokens (`@alt`), split at commas, semicolons, colons, parentheses and
  /// "and"; `nil` when no measurement is named.
  private static func chunks(_ text: String) -> [String]? {
    var s = text
    s = uln.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: " xuln")
    for (regex, token) in tokens {
      s = regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: token)
    }
    guard s.contains("@") else { return nil }
    // "alanine aminotransferase (ALT)" names one measurement twice; "ALT/AST" names two.
    s = s.replacingOccurrences(
      of: #"(@[a-z0-9]+) ?\((@[a-z0-9]+)\)"#, with: "$1", options: .regularExpression)
    s = s.replacingOccurrences(of: #"(@[a-z0-9]+) ?/ ?(?=@)"#, with: "$1 and ", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\((?:[0-9]{1,2}|[a-h])\)"#, with: ",", options: .regularExpression)
    s = s.replacingOccurrences(
      of: #"\b(?:total|serum|the|both) (?=@)"#, with: "", options: .regularExpression)
    let parts = s.components(separatedBy: CharacterSet(charactersIn: ",;:()")).flatMap {
      $0.components(separatedBy: " and ")
    }
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  private static func lab(_ token: String) -> LabName? { LabName(rawValue: String(token.dropFirst())) }
}
