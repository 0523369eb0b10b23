import TrialModel

extension ExpressionCompiler {
  /// Compiles `left op right`, putting the patient value on the left and the threshold on the
  /// right (mirroring the operator when the protocol wrote `18 years <= age`). `sides` are the
  /// operands' expressions, so that an error about one operand (an unknown name) points at it;
  /// other errors point at the comparison `e`.
  func comparison(
    _ left: Typed, _ op: Comparison, _ right: Typed, _ e: Expression,
    sides: (left: Expression, right: Expression)
  ) throws(ExpressionError) -> Node {
    switch (left, right) {
    case (.threshold, .value), (.threshold, .since), (.word, .value):
      return try comparison(right, op.mirrored, left, e, sides: (sides.right, sides.left))
    case (.value(.fact(let fact), let name), .threshold(let value, let unit, let written, let setting))
    where fact.hasViralLoad:
      guard case .measurement(.iuPerML) = unit else {
        throw mismatch("a viral load in IU/mL for '\(name)'", right, e)
      }
      return .compare(.viralLoad(fact), op, Threshold(canonical: value, written: written, setting: setting))
    case (.value(let meaning, let name), .threshold(let value, let unit, let written, let setting)):
      return try valueComparison(
        meaning, name, op, value, unit, Threshold(canonical: value, written: written, setting: setting), e)
    case (.since(let selection, let anchor), .threshold(let value, let unit, _, _)):
      guard case .measurement(let m) = unit, let spanUnit = CalendarSpan.Unit(m) else {
        throw mismatch("a duration (days, weeks, months, years)", right, e)
      }
      return .since(selection, op, try span(value, spanUnit, e), anchor)
    case (.value(.sex, _), .word(let word)):
      guard let sex = Sex(rawValue: word) else { throw mismatch("male or female", right, sides.right) }
      return try equality(.sex(sex), op, e)
    case (.value(.cnsStatus, _), .word(let word)):
      guard let status = CNSStatus(rawValue: word) else {
        throw mismatch("cns1, cns2 or cns3", right, sides.right)
      }
      return try equality(.cnsStatus(status), op, e)
    case (.value(.fact(let fact), _), .boolean(.constant(let b))):
      return try equality(b ? .fact(fact) : .not(.fact(fact)), op, e)
    case (.word(let name), _):
      throw unknownName(name, sides.left)
    case (_, .word(let name)):
      throw unknownName(name, sides.right)
    default:
      throw ExpressionError(
        offset: e.offset,
        message:
          "cannot compare \(left.description) with \(right.description); a comparison needs a patient value and a threshold"
      )
    }
  }

  private func equality(_ node: Node, _ op: Comparison, _ e: Expression) throws(ExpressionError) -> Node {
    switch op {
    case .equal: return node
    case .notEqual: return .not(node)
    default:
      throw ExpressionError(
        offset: e.offset, message: "expected == or != for this comparison, found \(op.rawValue)")
    }
  }

  /// The span `value unit` of a criterion, refused beyond ``CalendarSpan/maximumYears`` (so that
  /// moving a date by it cannot overflow).
  func span(_ value: Double, _ unit: CalendarSpan.Unit, _ e: Expression) throws(ExpressionError)
    -> CalendarSpan
  {
    let span = CalendarSpan(amount: value, unit: unit)
    guard abs(span.years) <= CalendarSpan.maximumYears else {
      throw ExpressionError(
        offset: e.offset,
        message:
          "expected a duration or age of at most \(Int(CalendarSpan.maximumYears)) years, found \(span)")
    }
    return span
  }

  private func mismatch(_ expected: String, _ found: Typed, _ e: Expression) -> ExpressionError {
    ExpressionError(offset: e.offset, message: "expected \(expected), found \(found.description)")
  }

  private func valueComparison(
    _ meaning: NameMeaning, _ name: String, _ op: Comparison, _ value: Double, _ unit: LabUnit?,
    _ threshold: Threshold, _ e: Expression
  ) throws(ExpressionError) -> Node {
    var threshold = threshold
    let found = Typed.threshold(value, unit: unit, written: threshold.written, setting: threshold.setting)
    switch meaning {
    case .age:
      guard case .measurement(let m) = unit, let spanUnit = CalendarSpan.Unit(m) else {
        throw mismatch("an age in years, months, weeks or days", found, e)
      }
      return .age(op, try span(value, spanUnit, e), setting: threshold.setting)
    case .durationDays(let fact):
      guard case .measurement(let m) = unit, let spanUnit = CalendarSpan.Unit(m) else {
        throw mismatch("a duration in days, weeks, months or years", found, e)
      }
      threshold.canonical = try span(value, spanUnit, e).days
      return .compare(.fact(fact), op, threshold)
    case .numeric(let source, let expected):
      guard let expected else {
        guard unit == nil else { throw mismatch("a plain number (no unit) for '\(name)'", found, e) }
        return .compare(source, op, threshold)
      }
      guard let unit, let factor = unit.factor(to: expected, analyte: nil) else {
        throw mismatch("a value in \(expected) (or a convertible unit) for '\(name)'", found, e)
      }
      threshold.canonical = value * factor
      return .compare(source, op, threshold)
    case .measuredLab(let test, let filter):
      let plain = try valueComparison(.lab(test), name, op, value, unit, threshold, e)
      guard case .compare(.lab(_, let index), let op, let t) = plain else { return plain }
      return .compare(.measuredLab(test, index: index, filter), op, t)
    case .lab(let test):
      let index = LabTest.index[test]!
      if case .measurement(.timesULN) = unit {
        return .compare(.labTimesULN(test, index: index), op, threshold)
      }
      let canonical = test.canonicalUnit
      if unit == nil, canonical == .ratio { return .compare(.lab(test, index: index), op, threshold) }
      guard let unit, let factor = unit.factor(to: canonical, analyte: test.analyte) else {
        throw mismatch("a value in \(canonical) or ×ULN for '\(name)'", found, e)
      }
      threshold.canonical = value * factor
      return .compare(.lab(test, index: index), op, threshold)
    default:
      throw ExpressionError(
        offset: e.offset,
        message: "'\(name)' cannot be compared with a number; use it as a condition or with == / !=")
    }
  }
}
