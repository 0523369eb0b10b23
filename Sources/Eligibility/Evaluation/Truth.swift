/// Kleene's strong three-valued logic: a conjunction is false as soon as one term is false and a
/// disjunction true as soon as one term is true, whatever the unknown terms turn out to be
/// (Kleene 1952, *Introduction to Metamathematics*, §64).
public enum Truth: UInt8, Sendable, Hashable {
  case no, yes, unknown

  init(_ value: Bool) { self = value ? .yes : .no }

  static prefix func ! (t: Truth) -> Truth {
    switch t {
    case .no: .yes
    case .yes: .no
    case .unknown: .unknown
    }
  }

  static func && (a: Truth, b: Truth) -> Truth {
    if a == .no || b == .no { return .no }
    return a == .yes && b == .yes ? .yes : .unknown
  }

  static func || (a: Truth, b: Truth) -> Truth {
    if a == .yes || b == .yes { return .yes }
    return a == .no && b == .no ? .no : .unknown
  }

  /// `if c then a else b`: decided when `c` is known, or when both branches agree.
  static func choose(_ c: Truth, _ a: Truth, _ b: Truth) -> Truth {
    switch c {
    case .yes: a
    case .no: b
    case .unknown: a == b && a != .unknown ? a : .unknown
    }
  }
}
