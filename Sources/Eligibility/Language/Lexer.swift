import TrialModel

/// Splits a criteria expression into tokens.
struct Lexer {
  private let characters: [Character]
  private var position = 0

  init(_ text: String) { characters = Array(text) }

  static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next(after: tokens.last)
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private static func isIdentifierStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
  private static func isIdentifierPart(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_" || c == "."
  }
  /// Characters that end a unit spelling.
  private static let unitStops: Set<Character> = ["(", ")", "[", "]", ",", "<", ">", "=", "!", "≤", "≥", "≠"]

  private mutating func next(after previous: Token?) throws(ExpressionError) -> Token {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    let start = position
    guard position < characters.count else { return Token(kind: .end, offset: start, length: 0) }
    let c = characters[position]
    if case .number = previous?.kind, let unit = unitSpelling() {
      return Token(kind: .unit(unit), offset: start, length: position - start)
    }
    if c.isNumber { return try number(start) }
    if Lexer.isIdentifierStart(c) {
      while position < characters.count, Lexer.isIdentifierPart(characters[position]) { position += 1 }
      var word = String(characters[start..<position])
      while word.hasSuffix(".") {
        word.removeLast()
        position -= 1
      }
      let kind: Token.Kind = Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
      return Token(kind: kind, offset: start, length: position - start)
    }
    position += 1
    let two = position < characters.count ? String([c, characters[position]]) : ""
    let single: Token.Kind? =
      switch c {
      case "(": .leftParen
      case ")": .rightParen
      case "[": .leftBracket
      case "]": .rightBracket
      case ",": .comma
      case "≤": .comparison(.lessOrEqual)
      case "≥": .comparison(.greaterOrEqual)
      case "≠": .comparison(.notEqual)
      default: nil
      }
    if let single { return Token(kind: single, offset: start, length: 1) }
    if let op = Comparison(rawValue: two) {
      position += 1
      return Token(kind: .comparison(op), offset: start, length: 2)
    }
    if c == "<" || c == ">" {
      return Token(kind: .comparison(c == "<" ? .less : .greater), offset: start, length: 1)
    }
    if c == "=" { return Token(kind: .comparison(.equal), offset: start, length: 1) }
    throw ExpressionError(offset: start, message: "unexpected character '\(c)'")
  }

  private mutating func number(_ start: Int) throws(ExpressionError) -> Token {
    while position < characters.count, characters[position].isNumber || characters[position] == "." {
      position += 1
    }
    if position < characters.count, characters[position] == "e" || characters[position] == "E",
      position + 1 < characters.count,
      characters[position + 1].isNumber || characters[position + 1] == "-" || characters[position + 1] == "+"
    {
      position += 2
      while position < characters.count, characters[position].isNumber { position += 1 }
    }
    let text = String(characters[start..<position])
    guard let value = Double(text), value.isFinite else {
      throw ExpressionError(offset: start, message: "malformed number '\(text)'")
    }
    return Token(kind: .number(value), offset: start, length: position - start)
  }

  /// A unit spelling at the current position (after a number), if the next word is one.
  private mutating func unitSpelling() -> String? {
    var end = position
    while end < characters.count, !characters[end].isWhitespace, !Lexer.unitStops.contains(characters[end]) {
      end += 1
    }
    guard end > position else { return nil }
    let word = String(characters[position..<end])
    guard Keyword(rawValue: word) == nil, LabUnit(threshold: word) != nil else { return nil }
    position = end
    return word
  }
}

/// An error in a criteria expression at a character offset.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// 0-based character offset in the expression.
  public var offset: Int
  public var message: String
  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }
  public var description: String { "column \(offset + 1): \(message)" }
}
