import TrialModel

/// Recursive-descent parser for the criteria language (grammar in the README, "Criteria
/// language"). Precedence, loosest first: `if … then … else`, `or`, `and`, `not`, comparison
/// (one or a chained pair, `12 years <= age <= 75 years`), `within`, primary.
struct Parser {
  private let tokens: [Token]
  private var index = 0
  /// Nesting depth guard so that hostile input cannot overflow the stack.
  private var depth = 0
  private static let maximumDepth = 64

  init(tokens: [Token]) { self.tokens = tokens }

  static func parse(_ text: String) throws(ExpressionError) -> Expression {
    var parser = Parser(tokens: try Lexer.tokenize(text))
    let expression = try parser.expression()
    guard parser.current.kind == .end else {
      throw ExpressionError(
        offset: parser.current.offset,
        message: "expected end of expression, found \(parser.describe(parser.current))")
    }
    return expression
  }

  private var current: Token { tokens[index] }

  private mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  private func describe(_ token: Token) -> String {
    switch token.kind {
    case .number(let n): "number \(n)"
    case .unit(let u): "unit '\(u)'"
    case .identifier(let name): "'\(name)'"
    case .keyword(let k): "'\(k.rawValue)'"
    case .comparison(let c): "'\(c.rawValue)'"
    case .leftParen: "'('"
    case .rightParen: "')'"
    case .leftBracket: "'['"
    case .rightBracket: "']'"
    case .comma: "','"
    case .end: "end of expression"
    }
  }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ExpressionError) {
    guard current.kind == kind else {
      throw ExpressionError(offset: current.offset, message: "expected \(what), found \(describe(current))")
    }
    _ = advance()
  }

  private func node(_ syntax: Syntax, from start: Int) -> Expression {
    let previous = tokens[max(index - 1, 0)]
    return Expression(
      syntax: syntax, offset: start, length: max(previous.offset + previous.length - start, 1))
  }

  mutating func expression() throws(ExpressionError) -> Expression {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Parser.maximumDepth else {
      throw ExpressionError(offset: current.offset, message: "expression nested too deeply")
    }
    let start = current.offset
    if current.kind == .keyword(.if) {
      _ = advance()
      let condition = try expression()
      try expect(.keyword(.then), "'then'")
      let whenTrue = try expression()
      try expect(.keyword(.else), "'else'")
      let whenFalse = try expression()
      return node(.conditional(condition, then: whenTrue, else: whenFalse), from: start)
    }
    return try disjunction()
  }

  private mutating func disjunction() throws(ExpressionError) -> Expression {
    let start = current.offset
    var terms = [try conjunction()]
    while current.kind == .keyword(.or) {
      _ = advance()
      terms.append(try conjunction())
    }
    return terms.count == 1 ? terms[0] : node(.or(terms), from: start)
  }

  private mutating func conjunction() throws(ExpressionError) -> Expression {
    let start = current.offset
    var terms = [try negation()]
    while current.kind == .keyword(.and) {
      _ = advance()
      terms.append(try negation())
    }
    return terms.count == 1 ? terms[0] : node(.and(terms), from: start)
  }

  private mutating func negation() throws(ExpressionError) -> Expression {
    let start = current.offset
    guard current.kind == .keyword(.not) else { return try comparison() }
    _ = advance()
    depth += 1
    defer { depth -= 1 }
    guard depth <= Parser.maximumDepth else {
      throw ExpressionError(offset: current.offset, message: "expression nested too deeply")
    }
    return node(.not(try negation()), from: start)
  }

  private mutating func comparison() throws(ExpressionError) -> Expression {
    let start = current.offset
    let left = try postfix()
    guard case .comparison(let op) = current.kind else { return left }
    _ = advance()
    let middle = try postfix()
    let first = node(.compare(left, op, middle), from: start)
    guard case .comparison(let op2) = current.kind else { return first }
    _ = advance()
    let right = try postfix()
    let second = node(.compare(middle, op2, right), from: middle.offset)
    return node(.and([first, second]), from: start)
  }

  /// `BASE [after SELECTION] [within SPAN [before|after ANCHOR]]`.
  private mutating func postfix() throws(ExpressionError) -> Expression {
    let start = current.offset
    var base = try primary()
    if current.kind == .keyword(.after) {
      _ = advance()
      let treatment = try primary()
      base = node(.sequence(base, after: treatment), from: start)
    }
    guard current.kind == .keyword(.within) else { return base }
    _ = advance()
    let span = try primary()
    var anchor: String?
    var after = false
    if current.kind == .keyword(.before) || current.kind == .keyword(.after) {
      after = current.kind == .keyword(.after)
      let word = after ? "after" : "before"
      _ = advance()
      guard case .identifier(let name) = current.kind else {
        throw ExpressionError(
          offset: current.offset,
          message: "expected \(Anchor.spellings) after '\(word)', found \(describe(current))")
      }
      _ = advance()
      anchor = name
    }
    return node(.within(selector: base, span: span, anchor: anchor, after: after), from: start)
  }

  private mutating func primary() throws(ExpressionError) -> Expression {
    let start = current.offset
    let token = advance()
    switch token.kind {
    case .number(let value):
      if case .unit(let unit) = current.kind {
        _ = advance()
        return node(.number(value, unit: unit), from: start)
      }
      if case .identifier(let word) = current.kind {
        throw ExpressionError(
          offset: current.offset,
          message:
            "unknown unit '\(word)' after \(Quantity.format(value)); expected e.g. mg/dL, µmol/L, ×ULN, %, mL/min, days, weeks, months, years"
        )
      }
      return node(.number(value, unit: nil), from: start)
    case .keyword(.true): return node(.boolean(true), from: start)
    case .keyword(.false): return node(.boolean(false), from: start)
    case .leftParen:
      let inner = try expression()
      try expect(.rightParen, "')'")
      return inner
    case .identifier(let name):
      if current.kind == .leftParen { return try call(name, start) }
      if current.kind == .leftBracket { return try filter(name, start) }
      return node(.name(name), from: start)
    default:
      throw ExpressionError(
        offset: token.offset, message: "expected a value, a name or '(', found \(describe(token))")
    }
  }

  private mutating func call(_ name: String, _ start: Int) throws(ExpressionError) -> Expression {
    _ = advance()
    var arguments: [Expression] = []
    if current.kind != .rightParen {
      arguments.append(try expression())
      while current.kind == .comma {
        _ = advance()
        arguments.append(try expression())
      }
    }
    try expect(.rightParen, "')' or ','")
    return node(.call(function: name, arguments: arguments), from: start)
  }

  /// `NAME[term, term, …]`.
  private mutating func filter(_ name: String, _ start: Int) throws(ExpressionError) -> Expression {
    _ = advance()
    var terms = [try filterTerm()]
    while current.kind == .comma {
      _ = advance()
      terms.append(try filterTerm())
    }
    try expect(.rightBracket, "',' or ']'")
    return node(.filtered(name: name, terms: terms), from: start)
  }

  /// `ATTRIBUTE OP NUMBER [UNIT]`, `ATTRIBUTE == WORD`, `ATTRIBUTE in (WORD, …)` or
  /// `ATTRIBUTE not in (WORD, …)`.
  private mutating func filterTerm() throws(ExpressionError) -> FilterTerm {
    let offset = current.offset
    guard case .identifier(let attribute) = current.kind else {
      throw ExpressionError(
        offset: current.offset,
        message:
          "expected an attribute (dose, grade, route, type, specimen, method, oxygen), found \(describe(current))"
      )
    }
    _ = advance()
    // `ATTRIBUTE not in (WORD, …)`: the complement of the list.
    var negated = false
    if current.kind == .keyword(.not) {
      _ = advance()
      guard current.kind == .identifier("in") else {
        throw ExpressionError(
          offset: current.offset, message: "expected 'in' after 'not', found \(describe(current))")
      }
      negated = true
    }
    if current.kind == .identifier("in") {
      _ = advance()
      try expect(.leftParen, "'('")
      var words = [try word()]
      while current.kind == .comma {
        _ = advance()
        words.append(try word())
      }
      try expect(.rightParen, "')' or ','")
      return FilterTerm(
        attribute: attribute, comparison: negated ? .notEqual : .equal, words: words, offset: offset)
    }
    guard case .comparison(let op) = current.kind else {
      throw ExpressionError(
        offset: current.offset, message: "expected a comparison or 'in', found \(describe(current))")
    }
    _ = advance()
    if case .identifier = current.kind {
      return FilterTerm(attribute: attribute, comparison: op, words: [try word()], offset: offset)
    }
    guard case .number(let value) = current.kind else {
      throw ExpressionError(
        offset: current.offset, message: "expected a number or a value name, found \(describe(current))")
    }
    _ = advance()
    var unit: String?
    if case .unit(let written) = current.kind {
      unit = written
      _ = advance()
    }
    return FilterTerm(attribute: attribute, comparison: op, number: value, unit: unit, offset: offset)
  }

  private mutating func word() throws(ExpressionError) -> String {
    guard case .identifier(let name) = current.kind else {
      throw ExpressionError(
        offset: current.offset, message: "expected a value name, found \(describe(current))")
    }
    _ = advance()
    return name
  }
}
