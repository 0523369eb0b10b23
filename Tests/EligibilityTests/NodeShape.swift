import Foundation

@testable import Eligibility

/// A compiled expression written out independently of the compiler's own descriptions, so that
/// tests can state by hand what an expression must compile to: `and(a; b)`, `not(x)`,
/// `if(c; a; b)`, `source op threshold` with the threshold in the source's canonical unit (six
/// significant digits), `age >= 18 years`, `since(hsct) >= 100 days`, `X within span before anchor`.
enum NodeShape {
  static func describe(_ node: Node) -> String {
    switch node {
    case .constant(let value): "\(value)"
    case .fact(let fact): "\(fact)"
    case .and(let terms): "and(\(terms.map(describe).joined(separator: "; ")))"
    case .or(let terms): "or(\(terms.map(describe).joined(separator: "; ")))"
    case .not(let inner): "not(\(describe(inner)))"
    case .conditional(let condition, let then, let otherwise):
      "if(\(describe(condition)); \(describe(then)); \(describe(otherwise)))"
    case .compare(let source, let op, let threshold):
      "\(describe(source)) \(op.rawValue) \(number(threshold.canonical))"
    case .age(let op, let span, let setting):
      "age \(op.rawValue) \(describe(span))" + (setting.map { " [\($0)]" } ?? "")
    case .since(let selection, let op, let span):
      "since(\(describe(selection))) \(op.rawValue) \(describe(span))"
    case .within(let selection, let span, let anchor):
      "\(describe(selection)) within \(describe(span)) before \(anchor.rawValue)"
    case .ever(let selection): "ever(\(describe(selection)))"
    case .sex(let sex): "sex == \(sex)"
    case .cnsStatus(let status): "cnsStatus == \(status)"
    case .antigen(let antigen): "antigen \(antigen)"
    }
  }

  static func describe(_ source: NumericSource) -> String {
    switch source {
    case .fact(let fact): "\(fact)"
    case .lab(let test, _): test.rawValue
    case .labTimesULN(let test, _): "\(test.rawValue)/ULN"
    case .creatinineClearance: "crcl"
    case .bsaMosteller: "bsa.mosteller"
    case .bsaDuBois: "bsa.dubois"
    case .completedAge: "completedAge"
    }
  }

  static func describe(_ selection: EventSelector) -> String {
    if let antigen = selection.antigen { return "antigen \(antigen)" }
    let base = selection.name.split(separator: "[").first.map(String.init) ?? selection.name
    switch selection.filter {
    case nil: return base
    case .dose(let op, let value): return "\(base)[dose \(op.rawValue) \(number(value))]"
    case .grade(let op, let value): return "\(base)[grade \(op.rawValue) \(number(value))]"
    }
  }

  static func describe(_ span: CalendarSpan) -> String { "\(number(span.amount)) \(span.unit.rawValue)" }

  static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
