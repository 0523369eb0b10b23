import TrialModel

/// Type-checks a parsed expression and compiles it to a ``Node``.
///
/// Types: boolean; a patient value (number, quantity, lab, age, duration, symbol); a threshold
/// literal with its unit; an event selection. A criterion must be boolean. A comparison needs a
/// patient value on one side and a threshold on the other, in a unit that converts to the
/// value's (mg/dL ↔ µmol/L for creatinine and bilirubin, ×ULN for labs with a reference range,
/// days/weeks/months/years for ages and times since events).
struct ExpressionCompiler {
  var settings: EligibilitySettings

  /// The type of a sub-expression while checking.
  enum Typed {
    case boolean(Node)
    case value(NameMeaning, name: String)
    case since(EventSelector, Anchor)
    case threshold(Double, unit: LabUnit?, written: String, setting: String?)
    case selection(EventSelector)
    case word(String)

    var description: String {
      switch self {
      case .boolean: "a condition (true/false)"
      case .value(_, let name): "the patient value '\(name)'"
      case .since: "a time since an event"
      case .threshold(_, _, let written, _): "the threshold \(written)"
      case .selection(let s): "the event selection '\(s.name)'"
      case .word(let w): "the unknown name '\(w)'"
      }
    }
  }

  func compile(_ text: String) throws(ExpressionError) -> Node {
    let syntax = try Parser.parse(text)
    return try condition(syntax)
  }

  private func condition(_ e: Expression) throws(ExpressionError) -> Node {
    switch try check(e) {
    case .boolean(let node): return node
    case .value(.fact(let fact), _): return .fact(fact)
    case .value(.antigen(let antigen), let name):
      return .antigen(EventSelector(name: name, classes: EventClassSet(), antigen: antigen), nil, .screening)
    case .selection(let s) where s.antigen != nil: return .antigen(s, nil, .screening)
    case .word(let name): throw unknownName(name, e)
    case let other:
      throw ExpressionError(
        offset: e.offset, message: "expected a condition (true/false), found \(other.description)")
    }
  }

  func unknownName(_ name: String, _ e: Expression) -> ExpressionError {
    let hint = Names.suggestion(for: name).map { "; did you mean '\($0)'?" } ?? ""
    return ExpressionError(offset: e.offset, message: "unknown name '\(name)'\(hint)")
  }

  func check(_ e: Expression) throws(ExpressionError) -> Typed {
    switch e.syntax {
    case .boolean(let b): return .boolean(.constant(b))
    case .number(let value, let unit):
      guard let unit else {
        return .threshold(value, unit: nil, written: Quantity.format(value), setting: nil)
      }
      guard let parsed = LabUnit(threshold: unit) else {
        throw ExpressionError(offset: e.offset, message: "unknown unit '\(unit)'")
      }
      return .threshold(value, unit: parsed, written: "\(Quantity.format(value)) \(parsed)", setting: nil)
    case .name(let name):
      guard let meaning = settings.meaning(of: name) else { return .word(name) }
      switch meaning {
      case .selector(let classes): return .selection(EventSelector(name: name, classes: classes))
      case .setting(let setting, let span):
        return .threshold(
          span.amount, unit: .measurement(span.unit.measurementUnit), written: "\(span)", setting: setting)
      default: return .value(meaning, name: name)
      }
    case .filtered(let name, let terms):
      return try filtered(name, terms, e)
    case .sequence(let base, let treatment):
      if case .name(let word) = treatment.syntax, let anchor = Anchor(named: word) {
        // `steroid after consent`: any day of a selected event between consent and screening.
        let s = try historySelector(base)
        guard anchor == .consent else {
          throw ExpressionError(
            offset: treatment.offset,
            message:
              "expected consent after 'EVENT after': the record holds events up to screening, and consent is the anchor before it"
          )
        }
        return .boolean(.within(s, CalendarSpan(amount: 0, unit: .days), anchor, .sinceAnchor))
      }
      var s = try selector(base)
      let t = try selector(treatment)
      guard s.antigen != nil, t.antigen == nil, !t.planned else {
        throw ExpressionError(
          offset: e.offset,
          message: "'after' takes an antigen before it and event classes after it (cd19 after chemotherapy)")
      }
      s.after.mask |= t.classes.mask
      s.name += " after the last \(t.name)"
      return .selection(s)
    case .call(let function, let arguments):
      if function == "any", !arguments.isEmpty { return .selection(try union(arguments, e)) }
      if function == "since", arguments.count == 2 {
        guard case .name(let anchorName) = arguments[1].syntax, let anchor = Anchor(named: anchorName),
          anchor != .consent
        else {
          throw ExpressionError(
            offset: arguments[1].offset,
            message:
              "expected screening, enrollment, lymphodepletion or infusion as since(EVENT, ANCHOR)'s anchor")
        }
        return .since(try historySelector(arguments[0]), anchor)
      }
      if function == "latest", arguments.count == 1 {
        if case .within(let target, let spanSyntax, let anchorName, false) = arguments[0].syntax {
          let s = try antigenSelector(target)
          return .boolean(.antigen(s, try calendarSpan(spanSyntax), try anchor(anchorName, arguments[0])))
        }
        return .boolean(.antigen(try antigenSelector(arguments[0]), nil, .screening))
      }
      if function == "planned", arguments.count == 1 {
        var s = try historySelector(arguments[0])
        s.planned = true
        s.name = "planned \(s.name)"
        return .selection(s)
      }
      guard arguments.count == 1, ["ever", "since", "ongoing"].contains(function) else {
        throw ExpressionError(
          offset: e.offset,
          message:
            "unknown function '\(function)' with \(arguments.count) argument(s); expected ever(EVENT), since(EVENT[, ANCHOR]), ongoing(EVENT), planned(EVENT), latest(ANTIGEN …) or any(EVENT, …)"
        )
      }
      let selection = try selector(arguments[0])
      switch function {
      case "ever": return .boolean(.ever(selection))
      case "ongoing": return .boolean(.ongoing(try historySelector(arguments[0])))
      default: return .since(try historySelector(arguments[0]), .screening)
      }
    case .within(let target, let spanSyntax, let anchorName, let after):
      let selection = try selector(target)
      let span = try calendarSpan(spanSyntax)
      let anchor = try anchor(anchorName, e)
      guard !after || selection.planned else {
        throw ExpressionError(
          offset: e.offset,
          message: "'within … after ANCHOR' takes planned(EVENT): a record holds no events after screening")
      }
      return .boolean(.within(selection, span, anchor, after ? .after : .before))
    case .compare(let left, let op, let right):
      return .boolean(try comparison(try check(left), op, try check(right), e, sides: (left, right)))
    case .and(let terms):
      var nodes: [Node] = []
      for t in terms { nodes.append(try condition(t)) }
      return .boolean(.and(nodes))
    case .or(let terms):
      var nodes: [Node] = []
      for t in terms { nodes.append(try condition(t)) }
      return .boolean(.or(nodes))
    case .not(let inner): return .boolean(.not(try condition(inner)))
    case .conditional(let c, let a, let b):
      return .boolean(.conditional(try condition(c), try condition(a), try condition(b)))
    }
  }

  /// The anchor named after `before` / `after` (screening when none is written).
  private func anchor(_ name: String?, _ e: Expression) throws(ExpressionError) -> Anchor {
    guard let anchor = Anchor(named: name ?? "screening") else {
      throw ExpressionError(
        offset: e.offset, message: "expected \(Anchor.spellings) as the anchor, found '\(name ?? "")'")
    }
    return anchor
  }

  /// A selection of history events (not an antigen, not a plan).
  private func historySelector(_ e: Expression) throws(ExpressionError) -> EventSelector {
    let s = try selector(e)
    guard s.antigen == nil, !s.planned else {
      throw ExpressionError(
        offset: e.offset, message: "expected an event class (e.g. hsct), found '\(s.name)'")
    }
    return s
  }

  /// A selection of antigen results.
  private func antigenSelector(_ e: Expression) throws(ExpressionError) -> EventSelector {
    let s = try selector(e)
    guard s.antigen != nil else {
      throw ExpressionError(
        offset: e.offset, message: "expected an antigen (cd19, cd20, cd22), found '\(s.name)'")
    }
    return s
  }

  private func selector(_ e: Expression) throws(ExpressionError) -> EventSelector {
    switch try check(e) {
    case .selection(let s): return s
    case .value(.antigen(let antigen), let name):
      return EventSelector(name: name, classes: EventClassSet(), antigen: antigen)
    case .word(let name): throw unknownName(name, e)
    case let other:
      throw ExpressionError(
        offset: e.offset,
        message: "expected an event class (e.g. hsct) or an antigen, found \(other.description)")
    }
  }

  /// `any(a, b, …)`: the union of unfiltered event-class selections.
  private func union(_ arguments: [Expression], _ e: Expression) throws(ExpressionError) -> EventSelector {
    var classes = EventClassSet()
    var names: [String] = []
    for argument in arguments {
      let s = try selector(argument)
      guard s.filter.isEmpty, s.antigen == nil, !s.planned, s.after.isEmpty else {
        throw ExpressionError(
          offset: argument.offset, message: "any(…) takes event classes without [filters] or antigens")
      }
      classes.mask |= s.classes.mask
      names.append(s.name)
    }
    return EventSelector(name: names.joined(separator: " or "), classes: classes)
  }

  private func calendarSpan(_ e: Expression) throws(ExpressionError) -> CalendarSpan {
    guard case .threshold(let value, let unit, let written, _) = try check(e), value >= 0,
      case .measurement(let m) = unit, let spanUnit = CalendarSpan.Unit(m)
    else {
      throw ExpressionError(
        offset: e.offset, message: "expected a duration such as 7 days, 4 weeks, 3 months or 1 years")
    }
    _ = written
    return try span(value, spanUnit, e)
  }
}

extension CalendarSpan.Unit {
  init?(_ unit: MeasurementUnit) {
    switch unit {
    case .days: self = .days
    case .weeks: self = .weeks
    case .months: self = .months
    case .years: self = .years
    default: return nil
    }
  }

  var measurementUnit: MeasurementUnit {
    switch self {
    case .days: .days
    case .weeks: .weeks
    case .months: .months
    case .years: .years
    }
  }
}
