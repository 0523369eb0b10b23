/// The value of a named setting — a design parameter in a protocol file (`phi1: 0.18`), on a
/// command line (`--set phi1=0.18`) or in an API request: a number, a list of numbers, a word or a
/// yes/no. The module that owns the setting reads it with the typed accessors, whose errors name
/// the setting and say what was expected.
public enum SettingValue: Sendable, Hashable, Codable, CustomStringConvertible {
  case number(Double)
  case numbers([Double])
  case text(String)
  case flag(Bool)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let numbers = try? container.decode([Double].self) {
      self = .numbers(numbers)
    } else if let text = try? container.decode(String.self) {
      self = .text(text)
    } else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a number, a list of numbers, a word or true/false")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let x): try container.encode(x)
    case .numbers(let xs): try container.encode(xs)
    case .text(let s): try container.encode(s)
    case .flag(let b): try container.encode(b)
    }
  }

  /// The value as written: `0.18`, `0.25,0.35`, `logistic`, `true`.
  public var description: String {
    switch self {
    case .number(let x): SettingValue.format(x)
    case .numbers(let xs): xs.map(SettingValue.format).joined(separator: ",")
    case .text(let s): s
    case .flag(let b): b ? "true" : "false"
    }
  }

  /// Parses command-line text: `true`/`false`, a number, comma-separated numbers, else a word.
  public init(parsing text: String) {
    let trimmed = text.trimmingWhitespace()
    switch trimmed.lowercased() {
    case "true", "yes": self = .flag(true)
    case "false", "no": self = .flag(false)
    default:
      if let x = Double(trimmed) {
        self = .number(x)
      } else {
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
          Double(String($0).trimmingWhitespace())
        }
        if parts.count > 1, parts.allSatisfy({ $0 != nil }) {
          self = .numbers(parts.map { $0! })
        } else {
          self = .text(trimmed)
        }
      }
    }
  }

  /// A finite number.
  public func number(_ field: String) throws(InputError) -> Double {
    guard case .number(let x) = self, x.isFinite else {
      throw InputError(field: field, expected: "a number", found: quoted)
    }
    return x
  }

  /// A whole number (written `12` or `12.0`).
  public func integer(_ field: String) throws(InputError) -> Int {
    guard case .number(let x) = self, x.isFinite, x == x.rounded(), abs(x) < 1e15 else {
      throw InputError(field: field, expected: "a whole number", found: quoted)
    }
    return Int(x)
  }

  /// A list of numbers (a single number is a list of one).
  public func numbers(_ field: String) throws(InputError) -> [Double] {
    switch self {
    case .numbers(let xs) where xs.allSatisfy(\.isFinite): return xs
    case .number(let x) where x.isFinite: return [x]
    default: throw InputError(field: field, expected: "a list of numbers", found: quoted)
    }
  }

  /// A word.
  public func text(_ field: String) throws(InputError) -> String {
    guard case .text(let s) = self else { throw InputError(field: field, expected: "a word", found: quoted) }
    return s
  }

  /// Yes or no.
  public func flag(_ field: String) throws(InputError) -> Bool {
    guard case .flag(let b) = self else {
      throw InputError(field: field, expected: "true or false", found: quoted)
    }
    return b
  }

  private var quoted: String {
    if case .text(let s) = self { return "\"\(s)\"" }
    return description
  }

  /// Shortest round-trip decimal of `x` (`0.3`, `12`, `1e-06`).
  static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
  }
}
