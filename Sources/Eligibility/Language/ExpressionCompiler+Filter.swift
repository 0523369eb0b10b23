import Inputs
import TrialModel

extension ExpressionCompiler {
  /// `NAME[term, …]`: an event class filtered by `dose`, `grade`, `route` and (malignancies) `type`; an antigen by
  /// `specimen` and `method`; a lab by `method` and `oxygen`. Every term must hold.
  func filtered(_ name: String, _ terms: [FilterTerm], _ e: Expression) throws(ExpressionError) -> Typed {
    if let test = LabTest(rawValue: name) {
      var filter = MeasurementFilter()
      for term in terms {
        switch term.attribute {
        case "method": filter.methods |= try mask(term, LabMethod.self)
        case "oxygen": filter.oxygen |= try mask(term, OxygenCondition.self)
        default: throw attributeError(term, "method or oxygen")
        }
      }
      return .value(.measuredLab(test, filter), name: "\(name)[\(Self.describe(terms))]")
    }
    var selector: EventSelector
    if case .antigen(let antigen) = settings.meaning(of: name) {
      selector = EventSelector(name: name, classes: EventClassSet(), antigen: antigen)
      for term in terms {
        switch term.attribute {
        case "specimen": selector.filter.specimens |= try mask(term, Specimen.self)
        case "method": selector.filter.methods |= try mask(term, TestMethod.self)
        default: throw attributeError(term, "specimen or method")
        }
      }
    } else {
      let classes = EventClass.selecting(name)
      guard !classes.isEmpty else { throw unknownName(name, e) }
      selector = EventSelector(name: name, classes: classes)
      for term in terms {
        switch term.attribute {
        case "dose", "grade":
          guard let value = term.number, term.words.isEmpty else {
            throw ExpressionError(offset: term.offset, message: "expected a number after '\(term.attribute)'")
          }
          let bound = AttributeBound(comparison: term.comparison, value: value)
          if term.attribute == "dose" { selector.filter.dose = bound } else { selector.filter.grade = bound }
        case "route": selector.filter.routes |= try mask(term, Route.self)
        case "type": selector.filter.types |= try mask(term, TumourType.self)
        default: throw attributeError(term, "dose, grade, route or type")
        }
      }
    }
    selector.name = "\(name)[\(Self.describe(terms))]"
    return .selection(selector)
  }

  /// The bit mask of the values a `==` / `in` term names (`!=` the complement).
  private func mask<E: InputEnumeration & Equatable>(_ term: FilterTerm, _ type: E.Type)
    throws(ExpressionError) -> ValueMask
  {
    guard !term.words.isEmpty, term.comparison == .equal || term.comparison == .notEqual else {
      throw ExpressionError(
        offset: term.offset,
        message:
          "expected == VALUE or in (VALUE, …) after '\(term.attribute)' (\(E.allowedValues.joined(separator: ", ")))"
      )
    }
    var mask: ValueMask = 0
    for word in term.words {
      guard let value = E(rawValue: word) else {
        throw ExpressionError(
          offset: term.offset,
          message:
            "expected \(E.allowedValues.joined(separator: ", ")) for '\(term.attribute)', found '\(word)'")
      }
      mask |= value.bit
    }
    // `route == local` selects every route that acts where applied.
    if E.self == Route.self, mask & Route.local.bit != 0 { mask |= Route.topical.bit | Route.inhaled.bit }
    if term.comparison == .notEqual { mask = E.allCases.reduce(0) { $0 | $1.bit } & ~mask }
    return mask
  }

  private func attributeError(_ term: FilterTerm, _ allowed: String) -> ExpressionError {
    ExpressionError(
      offset: term.offset, message: "expected the attribute \(allowed), found '\(term.attribute)'")
  }

  /// `route = systemic, dose > 15` (for evidence).
  static func describe(_ terms: [FilterTerm]) -> String {
    terms.map { term in
      if let number = term.number {
        return "\(term.attribute) \(term.comparison.symbol) \(Quantity.format(number))"
      }
      let several = term.words.count > 1
      let op: String = term.comparison == .notEqual ? (several ? "not in" : "≠") : (several ? "in" : "=")
      return "\(term.attribute) \(op) \(term.words.joined(separator: " or "))"
    }.joined(separator: ", ")
  }
}
