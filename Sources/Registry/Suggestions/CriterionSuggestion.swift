/// A computable expression suggested for a criterion's free text, for a person to review before it
/// goes into a protocol file: the expression, the rule that recognised the text and what the text
/// left open that the suggestion fills.
public struct CriterionSuggestion: Sendable, Hashable, Codable {
  /// The criterion in the criteria language (README: "Criteria language"). For an exclusion it
  /// states the excluding condition, as the bundled protocols write exclusions.
  public var expression: String
  /// The pattern that recognised the text, e.g. `ecog-range`, `lab-threshold`.
  public var rule: String
  /// Readings the text left open and the suggestion fills (e.g. "ULN taken as the lab's
  /// reference"), one sentence each; empty when the text says everything the expression does.
  public var assumptions: [String]

  public init(expression: String, rule: String, assumptions: [String] = []) {
    self.expression = expression
    self.rule = rule
    self.assumptions = assumptions
  }
}
