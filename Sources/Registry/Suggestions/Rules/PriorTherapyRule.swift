/// Prior HSCT or CAR-T: "Prior allogeneic hematopoietic stem cell transplantation", "Patients who
/// have received CAR-T cell therapy", "No prior CAR-T therapy" (an inclusion) → `ever(hsct.allogeneic)`,
/// `ever(carT)`, `not ever(carT)`.
///
/// `ever` reads the whole recorded history (README: criteria language); a text with a window, a
/// target antigen ("prior CD19 CAR-T") or an outcome ("relapsed after CAR-T") is left to a person.
struct PriorTherapyRule: SuggestionRule {
  let name = "prior-therapy"

  private static let therapies: [(String, String)] = [
    (
      #"allogeneic (?:hematopoietic |haematopoietic )?(?:stem cell |stem-cell |bone marrow )?transplant(?:ation)?(?: \((?:allo-)?hsct\))?|allo-hsct|allo-sct|allogeneic hsct|allogeneic sct"#,
      "hsct.allogeneic"
    ),
    (
      #"(?:hematopoietic |haematopoietic )?(?:stem cell|stem-cell) transplant(?:ation)?(?: \(hsct\))?|hsct"#,
      "hsct"
    ),
    (
      #"(?:chimeric antigen receptor t[- ]cell|car-?t(?:[- ]cells?)?|car t[- ]cells?)(?: \(car-?t\))?(?: therapy| therapies| treatment| infusion)?"#,
      "carT"
    ),
  ]
  private static let therapy = "(" + therapies.map(\.0).joined(separator: "|") + ")"
  private static let excluding = TextPattern(
    #"(?:(?:patients?|subjects?|participants?|those) (?:who )?)?(?:(?:has|have|had) )?(?:(?:previously |ever )?(?:received|undergone|been treated with|had)(?: an?| any)? )?(?:a )?(?:history of |prior |previous )?(?:an? )?"#
      + therapy + "(?: before| previously| in the past)?")
  private static let notReceived = TextPattern(
    #"(?:no (?:prior |previous )?|(?:has|have) not (?:previously )?(?:received|undergone) (?:an? |any )?(?:prior |previous )?)"#
      + therapy)

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard let m = (isExclusion ? Self.excluding : Self.notReceived).match(wording.text), let written = m[0],
      let event = Self.therapies.first(where: { TextPattern($0.0).match(written) != nil })?.1
    else { return nil }
    let ever = "ever(\(event))"
    return CriterionSuggestion(
      expression: isExclusion ? ever : "not \(ever)", rule: name,
      assumptions: ["Any time in the recorded history: the text gives no window."])
  }
}
