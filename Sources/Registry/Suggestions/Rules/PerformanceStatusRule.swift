/// Performance status: ECOG ("ECOG performance status of 0 to 1", "ECOG 0-2", "ECOG ≤ 2"),
/// Karnofsky ("KPS ≥ 70 %") and Lansky ("Lansky ≥ 50"), and the two together ("Karnofsky Score ≥ 70
/// or Lansky Score ≥ 50", either scale at any age, as the text gives no age switch).
///
/// Scales: ECOG (Oken et al., Am J Clin Oncol 1982) 0–5, lower is better; Karnofsky (1949) and
/// Lansky (Cancer 1987) 0–100, higher is better. An inclusion admits a range at the good end; an
/// exclusion states the excluding range (`ecog >= 3`).
struct PerformanceStatusRule: SuggestionRule {
  let name = "performance-status"

  private static let n = QuantityWords.number
  private static let ecogName =
    #"(?:the )?(?:ecog|eastern cooperative oncology group(?: \(ecog\))?)(?: performance status| performance score| ps| behavior status| status)?(?: \((?:ps|ecog|ecog ps)\))?(?: score)?(?: \(ps\))?"#
  private static let verb = #"(?: of| is| was| must be| should be|:| ?=)?"#
  /// "ECOG performance status of 0 to 1", "ECOG 0-2", "ECOG score 0 or 1" (two values only).
  private static let ecogRange = TextPattern(
    "\(ecogName)\(verb) ?0 ?(?:-|to|~) ?([0-4])(?: points?)?|\(ecogName)\(verb) ?0 or 1"
      + "|\(ecogName)\(verb) ?(<=|<) ?([0-4])(?: points?)?|\(ecogName)\(verb) ?([0-4]) or (?:less|lower|below)"
  )
  /// Exclusions: "ECOG >= 3", "ECOG > 2".
  private static let ecogExcluding = TextPattern("\(ecogName)\(verb) ?(>=|>) ?([1-5])(?: points?)?")
  private static let karnofskyName =
    #"(?:the )?(?:karnofsky(?: performance status| performance score| performance scale| score| scale)?(?: \((?:kps|kp)\))?|kps)(?: score)?"#
  private static let lanskyName =
    #"(?:the )?lansky(?: play[- ]performance (?:status|score|scale)| performance (?:status|score|scale)| score| scale)?(?: \(lps\))?(?: score)?"#
  private static let atLeast = #"(>=|>|at least|no less than|not less than)"#
  private static let karnofsky = TextPattern("\(karnofskyName)\(verb) ?\(atLeast) ?\(n) ?%?")
  private static let lansky = TextPattern("\(lanskyName)\(verb) ?\(atLeast) ?\(n) ?%?")
  private static let either = TextPattern(
    "\(karnofskyName)\(verb) ?\(atLeast) ?\(n) ?%? ?(?:or|/) ?\(lanskyName)\(verb) ?\(atLeast) ?\(n) ?%?")

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    let text = wording.text
    if isExclusion {
      guard let m = Self.ecogExcluding.match(text), let op = m[0], let value = m[1] else { return nil }
      return CriterionSuggestion(expression: "ecog \(op) \(value)", rule: "ecog-range")
    }
    if let m = Self.ecogRange.match(text) {
      if let high = m[0] { return CriterionSuggestion(expression: "ecog <= \(high)", rule: "ecog-range") }
      if let op = m[1], let value = m[2] {
        return CriterionSuggestion(expression: "ecog \(op) \(value)", rule: "ecog-range")
      }
      if let high = m[3] { return CriterionSuggestion(expression: "ecog <= \(high)", rule: "ecog-range") }
      return CriterionSuggestion(expression: "ecog <= 1", rule: "ecog-range")
    }
    if let m = Self.either.match(text), let k = threshold(m[0], m[1]), let l = threshold(m[2], m[3]) {
      return CriterionSuggestion(
        expression: "karnofsky \(k) or lansky \(l)", rule: "karnofsky-or-lansky",
        assumptions: ["Either scale as measured, at any age: the text gives no age switch."])
    }
    if let m = Self.karnofsky.match(text), let k = threshold(m[0], m[1]) {
      return CriterionSuggestion(expression: "karnofsky \(k)", rule: "karnofsky")
    }
    if let m = Self.lansky.match(text), let l = threshold(m[0], m[1]) {
      return CriterionSuggestion(expression: "lansky \(l)", rule: "lansky")
    }
    return nil
  }

  /// `>= 70` from an operator phrase and a number.
  private func threshold(_ phrase: String?, _ value: String?) -> String? {
    guard let phrase, let value, let op = ComparisonWords.operator(phrase) else { return nil }
    return "\(op) \(value)"
  }
}
