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
    case .since(let selection, let op, let span, let anchor):
      "since(\(describe(selection))\(anchor == .screening ? "" : ", \(anchor.rawValue)")) \(op.rawValue) \(describe(span))"
    case .within(let selection, let span, let anchor, let direction):
      "\(describe(selection)) within \(describe(span)) \(direction == .after ? "after" : "before") \(anchor.rawValue)"
    case .ongoing(let selection): "ongoing(\(describe(selection)))"
    case .ever(let selection): "ever(\(describe(selection)))"
    case .sex(let sex): "sex == \(sex)"
    case .cnsStatus(let status): "cnsStatus == \(status)"
    case .antigen(let selection, nil, _) where selection.filter.isEmpty && selection.after.isEmpty:
      "antigen \(selection.antigen ?? "")"
    case .antigen(let selection, let span, let anchor):
      "latest(\(describe(selection))\(span.map { " within \(describe($0)) before \(anchor.rawValue)" } ?? ""))"
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
    case .measuredLab(let test, _, let filter):
      "\(test.rawValue)[methods \(filter.methods), oxygen \(filter.oxygen)]"
    case .viralLoad(let fact): "load(\(fact))"
    }
  }

  static func describe(_ selection: EventSelector) -> String {
    let f = selection.filter
    var terms: [String] = []
    if let d = f.dose { terms.append("dose \(d.comparison.rawValue) \(number(d.value))") }
    if let g = f.grade { terms.append("grade \(g.comparison.rawValue) \(number(g.value))") }
    if f.routes != 0 { terms.append("route \(Route.names(in: f.routes))") }
    if f.specimens != 0 { terms.append("specimen \(Specimen.names(in: f.specimens))") }
    if f.methods != 0 { terms.append("method \(TestMethod.names(in: f.methods))") }
    var base =
      selection.antigen.map { "antigen \($0)" }
      ?? (selection.name.split(separator: "[").first.map(String.init) ?? selection.name)
    if selection.planned { base = "planned " + base.replacingOccurrences(of: "planned ", with: "") }
    if !terms.isEmpty { base += "[\(terms.joined(separator: ", "))]" }
    if !selection.after.isEmpty { base += " after \(selection.after.mask)" }
    return base
  }

  static func describe(_ span: CalendarSpan) -> String { "\(number(span.amount)) \(span.unit.rawValue)" }

  static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
