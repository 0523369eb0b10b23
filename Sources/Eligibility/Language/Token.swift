/// A lexical token of the criteria language, with its UTF-8-independent character offset in the
/// expression (0-based, in `Character`s) for error locations.
struct Token: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case number(Double)
    /// A unit spelling directly after a number (`mg/dL`, `×ULN`, `days`).
    case unit(String)
    case identifier(String)
    case keyword(Keyword)
    case comparison(Comparison)
    case leftParen, rightParen, leftBracket, rightBracket, comma
    case end
  }

  var kind: Kind
  var offset: Int
  var length: Int
}

/// Reserved words.
enum Keyword: String, Sendable, CaseIterable {
  case and, or, not, `if`, then, `else`, within, before, after, `true`, `false`
}

/// A comparison operator.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "=="
  case notEqual = "!="

  /// The operator that holds when this one does not (`<` for `>=`).
  var negated: Comparison {
    switch self {
    case .less: .greaterOrEqual
    case .lessOrEqual: .greater
    case .greater: .lessOrEqual
    case .greaterOrEqual: .less
    case .equal: .notEqual
    case .notEqual: .equal
    }
  }

  /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
  var mirrored: Comparison {
    switch self {
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    case .equal, .notEqual: self
    }
  }

  /// The mathematical symbol used in evidence (`≥`).
  var symbol: String {
    switch self {
    case .less: "<"
    case .lessOrEqual: "≤"
    case .greater: ">"
    case .greaterOrEqual: "≥"
    case .equal: "="
    case .notEqual: "≠"
    }
  }

  /// Whether `a op b`, treating values within a relative 1e-9 as equal so that unit
  /// conversions (141.472 µmol/L ÷ 88.42 = 1.6 mg/dL) do not move a value across a boundary.
  func holds(_ a: Double, _ b: Double) -> Bool {
    let tolerance = 1e-9 * max(abs(a), abs(b))
    let equal = abs(a - b) <= tolerance
    switch self {
    case .less: return a < b && !equal
    case .lessOrEqual: return a < b || equal
    case .greater: return a > b && !equal
    case .greaterOrEqual: return a > b || equal
    case .equal: return equal
    case .notEqual: return !equal
    }
  }

  /// Whether `a op b` for integers (day numbers).
  func holds(_ a: Int, _ b: Int) -> Bool {
    switch self {
    case .less: a < b
    case .lessOrEqual: a <= b
    case .greater: a > b
    case .greaterOrEqual: a >= b
    case .equal: a == b
    case .notEqual: a != b
    }
  }
}
