/// The parsed (untyped) form of a criteria expression; ``CriteriaCompiler`` type-checks it.
indirect enum Syntax: Sendable, Hashable {
  case number(Double, unit: String?)
  case boolean(Bool)
  case name(String)
  /// `steroid[route == systemic, dose > 15]`: an event class (antigen, lab) restricted by
  /// attributes; every term must hold.
  case filtered(name: String, terms: [FilterTerm])
  case call(function: String, arguments: [Expression])
  /// `cd19 after chemotherapy`: results dated after the last selected treatment.
  case sequence(Expression, after: Expression)
  /// `hsct within 12 weeks before screening`, `planned(surgery) within 4 weeks after infusion`.
  case within(selector: Expression, span: Expression, anchor: String?, after: Bool)
  case compare(Expression, Comparison, Expression)
  case and([Expression])
  case or([Expression])
  case not(Expression)
  case conditional(Expression, then: Expression, else: Expression)
}

/// A syntax node with its character range in the expression text.
struct Expression: Sendable, Hashable {
  var syntax: Syntax
  var offset: Int
  var length: Int
}

/// One term of a bracketed filter: `dose > 15`, `route == systemic` or
/// `specimen in (boneMarrow, peripheralBlood)` (`==` with one word is `in` with one).
struct FilterTerm: Sendable, Hashable {
  var attribute: String
  var comparison: Comparison
  /// The number of a numeric term.
  var number: Double?
  /// The unit written after the number, if any.
  var unit: String?
  /// The words of an enumerated term.
  var words: [String] = []
  /// Character offset of the term, for errors.
  var offset: Int
}
