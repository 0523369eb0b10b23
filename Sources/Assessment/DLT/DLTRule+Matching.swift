import TrialModel

extension DLTRule {
  /// Whether `event` is of the kind and term this rule reads grades from.
  func reads(_ event: GradedEvent) -> Bool {
    switch source {
    case .crs: event.kind == .crs
    case .icans: event.kind == .icans
    case .lab:
      event.kind == .lab
        && terms.contains {
          LabTerm(parsing: $0) != nil && LabTerm(parsing: $0) == LabTerm(parsing: event.term)
        }
    case .adverseEvent: event.kind == .adverseEvent && terms.contains { TermName.same($0, event.term) }
    case .nonHaematological: event.kind == .adverseEvent && !event.haematological
    case .anyAdverseEvent: true
    }
  }

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
    if requiresRelatedness && event.related != true { return "not attributed to the investigational product" }
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
