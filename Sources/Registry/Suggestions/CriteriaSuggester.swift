import Eligibility
import TrialModel

/// Suggests a computable expression for a criterion's free text: a rule-based translator for the
/// criteria CAR-T trials in B-ALL state most (age range, performance status, lab thresholds,
/// washout windows, diagnosis, CD19/CD20, prior HSCT or CAR-T, pregnancy and lactation,
/// infections, life expectancy).
///
/// A wrong suggestion is worse than none: each rule matches the whole text (after
/// ``CriterionWording`` normalisation) against patterns that account for every word, so a text with
/// a clause a rule does not translate ("or", "unless", "except", a second sentence) gets `nil`.
/// Every suggestion is compiled with the Eligibility module's compiler before it is returned; one
/// that does not compile is dropped. An exclusion's expression states the excluding condition, as
/// the bundled protocol files write exclusions (`pregnant or lactating`, `hiv`).
public struct CriteriaSuggester: Sendable {
  private let rules: [any SuggestionRule]
  private let settings: EligibilitySettings

  /// - Parameter settings: the settings suggestions are type-checked with.
  public init(settings: EligibilitySettings = EligibilitySettings()) {
    self.settings = settings
    rules = [
      AgeRangeRule(), PerformanceStatusRule(), LabThresholdRule(), LifeExpectancyRule(), WashoutRule(),
      DiagnosisRule(), AntigenRule(), PriorTherapyRule(), PregnancyRule(), InfectionRule(),
    ]
  }

  /// The names of the rules, in the order they are tried.
  public var ruleNames: [String] { rules.map(\.name) }

  /// The suggested expression for a criterion's text, or `nil` when no rule recognises all of it.
  /// - Parameters:
  ///   - text: the criterion's text as written (one criterion, e.g. one bullet of a registry record).
  ///   - isExclusion: whether the criterion excludes; its expression then states what excludes.
  ///   - isSubItem: whether the criterion is one part of a list split by hand (`I7c`): then no
  ///     suggestion, as the list's heading may qualify it.
  public func suggest(_ text: String, isExclusion: Bool, isSubItem: Bool = false) -> CriterionSuggestion? {
    // A sub-item of a list (`I7c`: "3. INR … ≤ 1.5 × ULN") may be qualified by its list's heading,
    // which its text does not carry: no suggestion.
    if isSubItem { return nil }
    let wording = CriterionWording(text)
    guard !wording.text.isEmpty, wording.text.count <= 400 else { return nil }
    for rule in rules {
      if let suggestion = rule.suggest(wording, isExclusion: isExclusion) {
        return compiles(suggestion.expression, isExclusion: isExclusion) ? suggestion : nil
      }
    }
    return nil
  }

  /// Whether `expression` parses and type-checks.
  private func compiles(_ expression: String, isExclusion: Bool) -> Bool {
    let criterion = Criterion(
      id: "S", text: "", kind: isExclusion ? .exclusion : .inclusion, expression: expression)
    return
      (try? CriteriaCompiler.compile(protocolID: "suggestion", criteria: [criterion], settings: settings))
      != nil
  }
}
