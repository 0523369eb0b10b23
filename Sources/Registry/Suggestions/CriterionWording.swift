import Foundation

/// A criterion's text put in one spelling for the rules: lower case, `≥`/`≤` as `>=`/`<=`, one kind
/// of dash, `×` as `x`, `µ`/`μ` as `u`, single spaces, without a leading list marker ("1.", "(2)",
/// "a)", "•") or trailing punctuation.
struct CriterionWording: Sendable, Hashable {
  /// The normalised text.
  var text: String

  init(_ raw: String) {
    var s = raw.lowercased()
    let replacements: [(String, String)] = [
      ("≥", ">="), ("≧", ">="), ("⩾", ">="), ("≤", "<="), ("≦", "<="), ("⩽", "<="), ("＞", ">"), ("＜", "<"),
      ("–", "-"), ("—", "-"), ("−", "-"), ("‐", "-"), ("～", "-"), ("~", "-"), ("×", "x"), ("µ", "u"),
      ("μ", "u"),
      ("’", "'"), ("⁹", "9"), ("，", ","), ("；", ";"), ("：", ":"), ("（", "("), ("）", ")"), ("\u{00A0}", " "),
      ("\t", " "), ("\\", ""), ("\n", " "), ("\r", " "),
    ]
    for (from, to) in replacements { s = s.replacingOccurrences(of: from, with: to) }
    s = s.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    s = s.trimmingCharacters(in: .whitespaces)
    // Leading list markers, possibly several ("1. (a)").
    let marker = #"^(?:\(?[0-9]{1,2}\)|[0-9]{1,2}\.(?![0-9])|\(?[a-h]\)|[-•*·▪◦]|[0-9]{1,2}、)\s*"#
    while let range = s.range(of: marker, options: .regularExpression), !range.isEmpty {
      s.removeSubrange(range)
    }
    while let last = s.last, ";.,:。 ".contains(last) { s.removeLast() }
    text = s
  }
}

/// Comparison words of criteria texts and the criteria language's operators.
enum ComparisonWords {
  /// A pattern group matching an operator written as a symbol or in words.
  static let pattern =
    #"(>=|=>|<=|=<|>|<|=|at least|no less than|not less than|greater than or equal to|more than or equal to|"#
    + #"equal to or greater than|equal to or more than|less than or equal to|equal to or less than|no more than|"#
    + #"not more than|not exceeding|not higher than|not greater than|greater than|more than|higher than|above|"#
    + #"over|less than|lower than|below|under)"#

  /// The language's operator for a matched comparison phrase; `nil` for `=` (equality of a
  /// measured value is not what a criterion means).
  static func `operator`(_ phrase: String) -> String? {
    switch phrase {
    case ">=", "=>", "at least", "no less than", "not less than", "greater than or equal to",
      "more than or equal to", "equal to or greater than", "equal to or more than":
      ">="
    case "<=", "=<", "less than or equal to", "equal to or less than", "no more than", "not more than",
      "not exceeding", "not higher than", "not greater than":
      "<="
    case ">", "greater than", "more than", "higher than", "above", "over": ">"
    case "<", "less than", "lower than", "below", "under": "<"
    default: nil
    }
  }
}

/// Number and duration spellings shared by the rules.
enum QuantityWords {
  /// A decimal number group.
  static let number = #"([0-9]+(?:\.[0-9]+)?)"#
  /// A duration unit group (singular or plural).
  static let durationUnit = #"(days?|weeks?|months?|years?)"#

  /// The language's plural spelling of a duration unit (`week` → `weeks`).
  static func durationUnit(_ word: String) -> String {
    word.hasSuffix("s") ? word : word + "s"
  }
}
