import TrialModel

/// A DLT rule with its terms parsed once, for matching many events.
struct PreparedRule: Sendable {
  var rule: DLTRule
  var labTerms: Set<LabTerm>
  var termKeys: Set<String>

  init(_ rule: DLTRule) {
    self.rule = rule
    labTerms = Set(rule.terms.compactMap { LabTerm(parsing: $0) })
    termKeys = Set(rule.terms.map(TermName.key))
  }

  /// Whether an event (with its term key and parsed lab term) is of the kind and term this rule
  /// reads grades from.
  func reads(_ event: GradedEvent, termKey: String, labTerm: LabTerm?) -> Bool {
    switch rule.source {
    case .crs: event.kind == .crs
    case .icans: event.kind == .icans
    case .lab: event.kind == .lab && labTerm.map { labTerms.contains($0) } == true
    case .adverseEvent: event.kind == .adverseEvent && termKeys.contains(termKey)
    case .nonHaematological: event.kind == .adverseEvent && !event.haematological
    case .anyAdverseEvent: true
    }
  }
}

extension DLTRule {
  /// The exclusion that removes `event` from this rule, if any.
  func exclusion(for event: GradedEvent) -> String? {
    for exclusion in exclusions {
      switch exclusion {
      case .attributableToLymphodepletion where event.attributions.contains(.lymphodepletion):
        return "attributed to lymphodepletion"
      case .cytopeniaFromMarrowDisease where event.attributions.contains(.marrowDisease):
        return "cytopenia from marrow disease"
      case .fever where TermName.same(event.term, "Fever"): return "fever is excluded"
      case .labOnlyFinding where event.labOnly || event.kind == .lab: return "lab-only finding"
      default: continue
      }
    }
    if requiresRelatedness && event.related == false {
      return "not attributed to the investigational product"
    }
    return nil
  }
}

/// Adverse-event term comparison: case, punctuation and British/American spelling do not matter
/// (`Cerebral oedema` = `cerebral edema`).
enum TermName {
  static func key(_ term: String) -> String {
    term.lowercased()
      .replacingOccurrences(of: "oedema", with: "edema")
      .replacingOccurrences(of: "haem", with: "hem")
      .replacingOccurrences(of: "anaem", with: "anem")
      .filter { $0.isLetter || $0.isNumber }
  }

  static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
}
