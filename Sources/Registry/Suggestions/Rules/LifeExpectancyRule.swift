/// Life expectancy: "Life expectancy ≥ 12 weeks", "The estimated survival time is more than 3
/// months", "expected survival > 12 weeks", "life expectancy of at least 3 months".
///
/// "At least"/"≥" admits the boundary, "more than"/">" does not (README: boundaries). Months are
/// calendar months from screening, as the language counts them.
struct LifeExpectancyRule: SuggestionRule {
  let name = "life-expectancy"

  private static let pattern = TextPattern(
    #"(?:(?:patients|subjects|participants) (?:who have |with ))?(?:an? |the )?(?:life expectancy|(?:expected|estimated|anticipated|predicted) (?:survival|lifetime|life span)(?: time| period)?|survival time|expected life(?: span)?)"#
      + #"(?: is| was| should be| must be| of)?(?: estimated)?(?: to be)?:? ?"# + ComparisonWords.pattern
      + " ?"
      + QuantityWords.number + " ?" + QuantityWords.durationUnit
      + "|" + #"(?:an? |the )?(?:life expectancy|(?:expected|estimated) survival(?: time)?)(?: of)? "#
      + QuantityWords.number + " " + QuantityWords.durationUnit + " or (?:more|longer)")

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard let m = Self.pattern.match(wording.text) else { return nil }
    let op: String
    let value: String
    let unit: String
    if let phrase = m[0], let v = m[1], let u = m[2] {
      guard let o = ComparisonWords.operator(phrase) else { return nil }
      (op, value, unit) = (o, v, u)
    } else if let v = m[3], let u = m[4] {
      (op, value, unit) = (">=", v, u)
    } else {
      return nil
    }
    // An inclusion admits a long life expectancy, an exclusion states a short one.
    let admitsLong = op.hasPrefix(">")
    guard admitsLong != isExclusion else { return nil }
    return CriterionSuggestion(
      expression: "lifeExpectancy \(op) \(value) \(QuantityWords.durationUnit(unit))", rule: name,
      assumptions: ["The investigator's estimate at screening (lifeExpectancy)."])
  }
}
