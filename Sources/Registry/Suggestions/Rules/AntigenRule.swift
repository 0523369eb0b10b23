/// CD19 / CD20 expression: "CD19 tumor expression demonstrated in bone marrow or peripheral blood
/// by flow cytometry", "Flow cytometry confirms that the original cells express CD19", "CD19 and /
/// or CD20 positive in bone marrow or peripheral blood", "CD19-positive B-ALL".
///
/// The latest result decides (README: `cd19`); a specimen or method the text names becomes a
/// filter, as in the bundled protocols (NCT04825496 I2, NCT07470073 I4).
struct AntigenRule: SuggestionRule {
  let name = "antigen-expression"

  private static let antigen = "(cd19|cd20)"
  private static let positive = #"(?: ?positive| ?\+|-positive| expression| positivity| antigen positive)"#
  private static let specimen =
    #"(?: (?:in|on|from|of) (?:the )?(bone marrow|marrow|bone marrow \(bm\))(?: (?:or|and/or|and) (peripheral blood|blood))?)?"#
  private static let method = #"(?: (?:by|using|via|on) (flow cytometry|fcm|flow))?"#
  private static let disease =
    #"(?: (?:b-all|disease|leuk(?:a)?emia|tumou?r|tumou?r cells|blasts|leuk(?:a)?emic blasts|malignant cells))?"#
  private static let patterns = [
    // "CD19 positive B-ALL in bone marrow by flow cytometry", "CD19 tumor expression demonstrated in …"
    TextPattern(
      #"(?:documented |confirmed |evidence of )?"# + antigen + "(?: (?:tumou?r|leuk(?:a)?emia|blast))?"
        + positive
        + disease + #"(?: (?:demonstrated|confirmed|detected|documented|proven))?"# + specimen + method),
    // "Flow cytometry confirms that the original cells express CD19", "tumor cells express CD19"
    TextPattern(
      #"(flow cytometry)?(?: confirms? that)? ?(?:the )?(?:original |tumou?r |leuk(?:a)?emi(?:a|c) |malignant )?(?:cells|blasts)"#
        + specimen + #" (?:express|expressing|are|is|were)(?: measured)? "# + antigen
        + "(?: ?positive| ?\\+)?" + method),
  ]
  private static let both = TextPattern(
    "cd19 (?:and ?/ ?or|or) cd20" + positive + disease + specimen + method)

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard !isExclusion else { return nil }
    let text = wording.text
    if let m = Self.both.match(text) {
      let (filter, assumptions) = Self.filter(marrow: m[0], blood: m[1], method: m[2])
      return CriterionSuggestion(
        expression: "cd19\(filter) or cd20\(filter)", rule: name,
        assumptions: assumptions + ["Either antigen positive suffices (\"and/or\")."])
    }
    if let m = Self.patterns[0].match(text), let antigen = m[0] {
      let (filter, assumptions) = Self.filter(marrow: m[1], blood: m[2], method: m[3])
      return CriterionSuggestion(expression: antigen + filter, rule: name, assumptions: assumptions)
    }
    if let m = Self.patterns[1].match(text), let antigen = m[3] {
      let (filter, assumptions) = Self.filter(marrow: m[1], blood: m[2], method: m[0] ?? m[4])
      return CriterionSuggestion(expression: antigen + filter, rule: name, assumptions: assumptions)
    }
    return nil
  }

  /// The filter for a named specimen and method, and what is assumed where none is named.
  private static func filter(marrow: String?, blood: String?, method: String?) -> (String, [String]) {
    var terms: [String] = []
    var assumptions = ["The latest result decides; the text gives no time window."]
    if marrow != nil {
      terms.append(blood != nil ? "specimen in (boneMarrow, peripheralBlood)" : "specimen == boneMarrow")
    } else {
      assumptions.append("A result on any specimen counts: the text names none.")
    }
    if method != nil {
      terms.append("method == flowCytometry")
    } else {
      assumptions.append("A result by any method counts: the text names none.")
    }
    return (terms.isEmpty ? "" : "[" + terms.joined(separator: ", ") + "]", assumptions)
  }
}
