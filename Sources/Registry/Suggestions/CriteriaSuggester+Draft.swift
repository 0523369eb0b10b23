extension CriteriaSuggester {
  /// The suggester as a draft protocol takes it (``ProtocolDraft/Suggester``): a criterion's text
  /// and whether it excludes, to a suggested expression and the rule that made it.
  public var forDrafts: ProtocolDraft.Suggester {
    let suggester = self
    return { text, isExclusion in
      suggester.suggest(text, isExclusion: isExclusion).map { ($0.expression, $0.rule) }
    }
  }
}
