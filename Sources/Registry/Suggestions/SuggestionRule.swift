/// One pattern of criterion texts the suggester recognises, with its translation.
protocol SuggestionRule: Sendable {
  /// The rule's name as reported in ``CriterionSuggestion/rule``.
  var name: String { get }
  /// The suggestion for a normalised text, or `nil` when the text is not (entirely) of this
  /// rule's pattern. For an exclusion the expression states the excluding condition.
  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion?
}
