/// Infections, exclusions: "Active infection", "Has uncontrolled bacteria, fungi, viruses,
/// mycoplasma or other types of infections", "HIV/AIDS patients", "Infected with HIV, syphilis or
/// COVID-19", "active hepatitis B or hepatitis C infection".
///
/// Each named infection is a fact of the README's vocabulary (`hiv`: a positive HIV test or known
/// infection; `activeHepatitisB`: HBsAg positive or HBV-DNA above the detection limit); a list of
/// them excludes on any one. A text that defines an infection by tests ("HBsAg positive and HBV-DNA
/// > 500 IU/mL") or admits an exception is left to a person.
struct InfectionRule: SuggestionRule {
  let name = "infection"

  private static let items: [(String, String)] = [
    (
      #"(?:human immunodeficiency virus|hiv)(?: \(hiv\))?(?:/aids| infection| positive| seropositivity| antibody positive)?|aids"#,
      "hiv"
    ),
    (#"syphilis(?: infection)?"#, "syphilis"),
    (#"covid-19|covid19|sars-cov-2(?: infection)?"#, "covid19"),
    (
      #"(?:active |acute or chronic active )(?:hepatitis b|hbv)(?: virus)?(?: \(hbv\))?(?: infection)?"#,
      "activeHepatitisB"
    ),
    (#"active (?:hepatitis c|hcv)(?: virus)?(?: \(hcv\))?(?: infection)?"#, "activeHepatitisC"),
    (#"active (?:tuberculosis|tb)(?: infection)?"#, "activeTuberculosis"),
  ]
  private static let item = "(?:" + items.map(\.0).joined(separator: "|") + ")"
  private static let separator = #"(?: ?, ?(?:or |and )?| or | and/or | and | ?/ ?)"#
  private static let lead =
    #"(?:(?:patients?|subjects?|participants?) with |(?:has|have) |known |infected with |with |(?:a )?history of )?"#
  private static let tail = #"(?: infections?| patients| positive)?"#
  private static let list = TextPattern(lead + "(" + item + "(?:" + separator + item + ")*)" + tail)
  private static let active = TextPattern(
    #"(?:(?:patients?|subjects?) with |(?:has|have) )?(?:an? )?(?:active|current) (?:systemic )?infections?(?: at screening| during screening)?"#
  )
  private static let organisms =
    #"(?:bacteria(?:l)?|fung(?:al|i)|vir(?:al|us|uses)|mycoplasma|parasitic|other types of|or|and|,| )*"#
  private static let uncontrolled = TextPattern(
    #"(?:(?:patients?|subjects?) with |(?:has|have) |there is )?(?:currently )?(?:an? |any )?(?:active )?(?:uncontrolled|uncontrollable)(?: active)? "#
      + organisms + #" ?infections?(?: at screening| during screening| at the time of screening)?"#)

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard isExclusion else { return nil }
    let text = wording.text
    if Self.uncontrolled.match(text) != nil {
      return CriterionSuggestion(
        expression: "uncontrolledInfection", rule: name,
        assumptions: [
          "An active infection not controlled by treatment, of any organism (uncontrolledInfection)."
        ])
    }
    if Self.active.match(text) != nil {
      return CriterionSuggestion(
        expression: "activeInfection", rule: name,
        assumptions: ["An infection being treated or not yet resolved at screening (activeInfection)."])
    }
    guard let m = Self.list.match(text), let written = m[0] else { return nil }
    var facts: [String] = []
    for part in Self.split(written) {
      guard let fact = Self.items.first(where: { TextPattern($0.0).match(part) != nil })?.1 else {
        return nil
      }
      if !facts.contains(fact) { facts.append(fact) }
    }
    guard !facts.isEmpty else { return nil }
    return CriterionSuggestion(
      expression: facts.joined(separator: " or "), rule: name,
      assumptions: ["Each named infection is the README's fact; any one excludes."])
  }

  /// A list of infections split at its separators, with "active" carried over ("active hepatitis
  /// B or C" is not split: "c" alone names nothing and the rule declines).
  private static func split(_ list: String) -> [String] {
    var parts = [list]
    for separator in [", or ", ", and ", ", ", " and/or ", " or ", " and ", "/"] {
      parts = parts.flatMap { $0.components(separatedBy: separator) }
    }
    // "hiv/aids" was split at "/": keep "aids" as a synonym of hiv.
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}
