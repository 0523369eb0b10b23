/// The parsed (untyped) form of a criteria expression; ``CriteriaCompiler`` type-checks it.
indirect enum Syntax: Sendable, Hashable {
  case number(Double, unit: String?)
  case boolean(Bool)
  case name(String)
  /// `steroid[dose > 15]`: an event class restricted by an attribute.
  case filtered(name: String, attribute: String, comparison: Comparison, value: Double)
  case call(function: String, arguments: [Expression])
  /// `hsct within 12 weeks before screening`.
  case within(selector: Expression, span: Expression, anchor: String?)
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
