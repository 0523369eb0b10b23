/// Pregnancy and lactation, exclusions: "Pregnant or lactating women", "women who are pregnant or
/// breastfeeding", "Pregnancy or lactation" → `pregnant or lactating`, as NCT04825496 E14 writes
/// it. Both facts are asked of women only: a man is neither (README: `pregnant`).
struct PregnancyRule: SuggestionRule {
  let name = "pregnancy-lactation"

  private static let women =
    #"(?:women|woman|females?|female (?:patients|subjects|participants)|patients|subjects|mothers)"#
  private static let pattern = TextPattern(
    "(?:" + women
      + #" (?:who are |that are )?(?:in )?)?(?:currently )?(pregnant|pregnancy)(?: (?:or|and/or|and|/) ?|/|, )(?:lactating|lactation|breast-?feeding|breast feeding|nursing)(?: "#
      + women + ")?" + "|(?:" + women + #" (?:who are )?)?(?:currently )?pregnant(?: "# + women + ")?")

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard isExclusion, let m = Self.pattern.match(wording.text) else { return nil }
    let assumptions = ["Pregnancy and lactation are asked of women only: a man is neither."]
    return CriterionSuggestion(
      expression: m[0] != nil ? "pregnant or lactating" : "pregnant", rule: name, assumptions: assumptions)
  }
}
