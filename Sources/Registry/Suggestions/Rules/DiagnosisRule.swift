/// The diagnosis of relapsed or refractory B-ALL: "Patients with relapse/refractory B-ALL",
/// "relapsed or refractory B-cell acute lymphoblastic leukemia", "According to the 2020 WHO
/// diagnostic criteria, it is diagnosed as relapsed/refractory B-cell acute lymphoblastic
/// leukemia (r/r B-ALL)" → `bAll and (relapsed or refractory)`, as the bundled protocols write it
/// (NCT05270772 I1). `relapsed` and `refractory` are the README's definitions (morphological
/// relapse after CR/CRi; no CR/CRi after induction).
struct DiagnosisRule: SuggestionRule {
  let name = "diagnosis-rr-ball"

  private static let leukaemia =
    #"(?:b-all|b all|b-cell all|b-cell acute lymphoblastic leuk(?:a)?emia|b-cell acute lymphocytic leuk(?:a)?emia|b-lineage acute lymphoblastic leuk(?:a)?emia|b cell acute lymphoblastic leuk(?:a)?emia|b-precursor acute lymphoblastic leuk(?:a)?emia|acute b-lymphoblastic leuk(?:a)?emia)(?: ?\((?:r/r )?b-all\))?"#
  private static let pattern = TextPattern(
    #"(?:according to (?:the )?(?:[0-9]{4} )?(?:world health organization|who)(?: \(who\))?(?: [0-9]{4})? (?:diagnostic |classification )?(?:criteria|classification),? )?"#
      + #"(?:(?:it is |patients? |subjects? )?(?:diagnosed|confirmed) (?:as |with )|(?:patients?|subjects?) with |(?:a )?diagnosis of )?"#
      + #"(?:relapsed|relapse|relapsing)(?: ?/ ?| or | and/or )(?:refractory) "# + leukaemia
      + "|(?:patients? with )?r/r " + leukaemia)

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard !isExclusion, Self.pattern.match(wording.text) != nil else { return nil }
    return CriterionSuggestion(
      expression: "bAll and (relapsed or refractory)", rule: name,
      assumptions: [
        "Relapse is a morphological relapse after CR/CRi and refractory no CR/CRi after induction (disease.status)."
      ])
  }
}
