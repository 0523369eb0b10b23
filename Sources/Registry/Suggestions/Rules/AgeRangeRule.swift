/// Age ranges of inclusion criteria: "aged 18–70 years", "Age 18 to 65", "≥ 14 years old",
/// "18 years of age or older", "aged ≤ 75 years".
///
/// The translation follows the convention of `CriteriaCompiler.ageTerms` (README: criteria
/// language): a minimum compares exact age (`age >= 18 years` passes on the 18th birthday), an
/// inclusive maximum compares completed years (`completedAge <= 65 years`: 65 years 11 months
/// passes), an exclusive one exact age. Exclusions by age are left to a person (nil).
struct AgeRangeRule: SuggestionRule {
  let name = "age-range"

  private static let years = #"(?:years?|yrs?|y)(?: of age| old)?"#
  private static let lead =
    #"(?:(?:patients?|subjects?|participants?|male or female|men or women) )?(?:(?:aged?|age of|age at screening|age range)(?: is| was)?:? ?)"#
  private static let inclusive = #"(?: ?\(inclusive\)|,? inclusive|,? both inclusive|,? inclusively)?"#
  private static let n = QuantityWords.number

  /// "aged 18-70 years", "age 18 to 65", "aged between 18 and 75 years (inclusive)", "18-70 years old".
  private static let range = TextPattern(
    "(?:\(lead)(?:between |from )?\(n) ?(?:\(years) ?)?(?:-|to|and) ?\(n)(?: ?\(years))?\(inclusive)"
      + "|(?:between |from )?\(n) ?(?:-|to|and) ?\(n) ?\(years)\(inclusive))")
  /// "aged >= 14 years old", "age ≥ 18 years", ">= 18 years of age".
  private static let minimum = TextPattern(
    "(?:\(lead))?(>=|at least|no less than|not less than) ?\(n) ?\(years)|\(lead)(>=|at least) ?\(n)"
      + "|(?:\(lead))?\(n) \(years) or (?:older|above|more)")
  /// "aged <= 75 years", "age < 18 years".
  private static let maximum = TextPattern("(?:\(lead))?(<=|<|no more than|not more than) ?\(n) ?\(years)")

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard !isExclusion else { return nil }
    let text = wording.text
    let atScreening = "Age is read at screening (calendar age on the screening date)."
    if let m = Self.range.match(text) {
      guard let low = m[0] ?? m[2], let high = m[1] ?? m[3], let l = Double(low), let h = Double(high), l < h
      else { return nil }
      return CriterionSuggestion(
        expression: "age >= \(low) years and completedAge <= \(high) years", rule: name,
        assumptions: [
          atScreening, "The upper limit is inclusive in completed years: \(high) years and 11 months passes.",
        ])
    }
    if let m = Self.minimum.match(text) {
      guard let value = m[1] ?? m[3] ?? m[4] else { return nil }
      return CriterionSuggestion(expression: "age >= \(value) years", rule: name, assumptions: [atScreening])
    }
    if let m = Self.maximum.match(text), let op = m[0], let value = m[1] {
      if op == "<" {
        return CriterionSuggestion(expression: "age < \(value) years", rule: name, assumptions: [atScreening])
      }
      return CriterionSuggestion(
        expression: "completedAge <= \(value) years", rule: name,
        assumptions: [
          atScreening, "The limit is inclusive in completed years: \(value) years and 11 months passes.",
        ])
    }
    return nil
  }
}
