extension Evaluator {
  /// Whether an event passes the selection's filter (unknown if an attribute the filter tests is
  /// not recorded), and the path of the first unrecorded attribute.
  func passes(_ event: HistoryEvent, _ filter: EventFilter, _ index: Int) -> (Truth, String?) {
    if filter.isEmpty { return (.yes, nil) }
    let path = "history.events[\(index)]"
    var result = Truth.yes
    var missing: String?
    func term(_ known: Bool?, _ field: String) {
      switch known {
      case nil:
        if result == .yes { result = .unknown }
        if missing == nil { missing = "\(path).\(field)" }
      case false?: result = .no
      case true?: break
      }
    }
    if let bound = filter.dose {
      term(event.dose.map { bound.comparison.holds($0, bound.value) }, "prednisoneEquivalentMgPerDay")
    }
    if let bound = filter.grade { term(event.grade.map { bound.comparison.holds($0, bound.value) }, "grade") }
    let admissions: [(Truth, String)] = [
      (event.route.admission(by: filter.routes), "route"),
      (event.tumourType.admission(by: filter.types), "type"),
    ]
    for (admission, field) in admissions where admission != Truth.yes {
      term(admission == .unknown ? nil : false, field)
    }
    return (result, result == .unknown ? missing : nil)
  }

  /// The recorded date of an anchor (`nil`: not recorded).
  func anchorDate(_ anchor: Anchor) -> CivilDate? {
    switch anchor {
    case .screening: screening
    case .infusion: record.plannedInfusionDate
    case .lymphodepletion: record.plannedLymphodepletionDate
    case .consent: record.consentDate
    case .enrollment: record.enrollmentDate
    }
  }

  func anchorPath(_ anchor: Anchor) -> String {
    switch anchor {
    case .screening: "screeningDate"
    case .infusion: "plannedInfusionDate"
    case .lymphodepletion: "plannedLymphodepletionDate"
    case .consent: "consent.date"
    case .enrollment: "enrollmentDate"
    }
  }

  /// Time from the last day of the latest selected event to the anchor compared with `span`:
  /// `since OP span` holds exactly when `(anchor − span) OP lastDay`, so
  /// `since(hsct, infusion) >= 3 months` passes on the boundary day (the event exactly 3
  /// calendar months before infusion) and `> 3 months` fails on it. An exposure's last day is
  /// its `endDate` ("stopped immunosuppressants for at least 1 month" counts from the last dose);
  /// an `ongoing` one lasts at least to screening, and one whose end is not known (a state
  /// without `endDate`, or `ongoing: false` without it) leaves the time unknown, missing its
  /// `endDate`, unless every possible end gives the same answer. With no such event the time is unbounded (if the history is
  /// complete); with an incomplete history only a bound is known. A future anchor whose date is
  /// not recorded is on or after screening: a time at least as long as at screening.
  func since<S: EvidenceSink>(
    _ selection: Selection, _ op: Comparison, _ span: CalendarSpan, _ anchor: Anchor, _ label: Int,
    _ sink: inout S
  ) -> Truth {
    // The latest last day lies in `lower...upper`; `open` is an event whose end may be the latest.
    var latest: (index: Int, lower: Int, upper: Int)?
    var undecidedFilter: String?
    for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
      let (passed, path) = passes(event, selection.filter, i)
      switch passed {
      case .no: continue
      case .unknown: undecidedFilter = path
      case .yes:
        let end = extent(event).end
        guard let known = latest else {
          latest = (i, end.lowerBound, end.upperBound)
          continue
        }
        let index = end.upperBound > known.upper ? i : known.index
        latest = (index, max(known.lower, end.lowerBound), max(known.upper, end.upperBound))
      }
    }
    let date = anchorDate(anchor) ?? screening
    let boundary = span.before(date)
    let longerMakesTrue = op == .greater || op == .greaterOrEqual
    var result: Truth
    if let latest {
      let early = op.holds(boundary.dayNumber, latest.lower)
      result = early == op.holds(boundary.dayNumber, latest.upper) ? Truth(early) : .unknown
      let event = record.history[latest.index]
      if S.records {
        let shown = result == .yes ? op : op.negated
        let at: EvidenceText =
          anchor == .screening
          ? "screening"
          : anchorDate(anchor) == nil
            ? "\(anchor.rawValue) (date not recorded; at least as at screening \(screening))"
            : "\(anchor.rawValue) (\(date))"
        if latest.lower != latest.upper {
          let state: EvidenceText = event.ongoing == true ? "ongoing at screening" : "end not recorded"
          sink.note("\(labels[label]) since \(event.date), \(state)")
        } else {
          let last = CivilDate(dayNumber: latest.lower)
          let word: EvidenceText = last == event.date ? "on" : "ended"
          let days = date.dayNumber - latest.lower
          sink.note("\(labels[label]) \(word) \(last), \(days) days before \(at) \(shown.symbol) \(span)")
        }
      }
      if result == .unknown {
        sink.missing("history.events[\(latest.index)].endDate")
      } else if anchorDate(anchor) == nil, result != (longerMakesTrue ? .yes : .no) {
        sink.missing(anchorPath(anchor))
        result = .unknown
      }
    } else {
      result = Truth(longerMakesTrue || op == .notEqual)
      sink.note("no \(labels[label]) in history")
    }
    // A missing later event could only shorten the time since.
    let shorterMakesTrue = op == .less || op == .lessOrEqual
    if !record.historyComplete, result == (shorterMakesTrue ? .no : .yes) || op == .equal || op == .notEqual {
      sink.missing("history.complete")
      result = .unknown
    }
    if let undecidedFilter, result != (shorterMakesTrue ? .yes : .no) {
      sink.missing(undecidedFilter)
      result = .unknown
    }
    return result
  }

  /// ` within 3 months before infusion (2026-12-14)`, or ` in history` without a span.
  /// ` after consent (2026-11-16), up to screening` for `EVENT after consent`, and ` in plans`
  /// for a plan at any time.
  func windowText(
    _ span: CalendarSpan?, _ anchor: Anchor, _ direction: Direction = .before, planned: Bool = false
  ) -> EvidenceText.Window {
    let date =
      anchorDescriptions.isEmpty ? Evaluator.describeAnchor(anchor, record) : anchorDescriptions[anchor.index]
    if direction == .sinceAnchor {
      return EvidenceText.Window(
        span: nil, anchor: " after \(anchor.rawValue)\(date), up to screening", date: "")
    }
    guard let span else {
      return EvidenceText.Window(span: nil, anchor: planned ? " in plans" : "", date: "")
    }
    return EvidenceText.Window(
      span: span, anchor: (direction == .after ? "after " : "before ") + anchor.rawValue, date: date)
  }

  /// ` (2026-11-20)` for an anchor's date, or ` (date not recorded)`; for a future anchor whose
  /// date is not recorded, ` (date not recorded; as of screening)`: its events are known only up
  /// to screening.
  static func describeAnchor(_ anchor: Anchor, _ record: PatientRecord) -> String {
    let date: CivilDate? =
      switch anchor {
      case .screening: record.screeningDate
      case .infusion: record.plannedInfusionDate
      case .lymphodepletion: record.plannedLymphodepletionDate
      case .consent: record.consentDate
      case .enrollment: record.enrollmentDate
      }
    guard let date else {
      return anchor.isFuture ? " (date not recorded; as of screening)" : " (date not recorded)"
    }
    let text: EvidenceText = " (\(date))"
    return text.string
  }

  /// The window `[anchor − span, anchor]` of `EVENT within SPAN before ANCHOR` (or
  /// `[anchor, anchor + span]` after it), as bounds on its start and end day numbers: an anchor
  /// whose date is not recorded is only bounded (enrolment, lymphodepletion and infusion are on
  /// or after screening, consent on or before it). `span == nil` (`ever`) is the whole history.
  ///
  /// The record holds events up to the screening date only, so for a future anchor every
  /// recorded event is before the anchor and the window's end never excludes one; events
  /// between screening and the anchor are not yet known and the verdict is as of screening. For
  /// a past anchor (consent), an event after the anchor — between consent and screening — is
  /// outside the window: it did not happen "before consent".
  func window(_ span: CalendarSpan?, _ anchor: Anchor, _ direction: Direction = .before) -> AnchorWindow {
    if direction == .sinceAnchor {
      // `(anchor, screening]`; an unrecorded past anchor is some day up to screening.
      let end = screening.dayNumber...screening.dayNumber
      guard let date = anchorDate(anchor) else {
        return AnchorWindow(start: Int.min...screening.dayNumber + 1, end: end)
      }
      return AnchorWindow(start: date.dayNumber + 1...date.dayNumber + 1, end: end)
    }
    guard let span else { return AnchorWindow(start: Int.min...Int.min, end: Int.max...Int.max) }
    func bounds(_ day: ClosedRange<Int>) -> AnchorWindow {
      let move = { (d: Int) -> Int in
        guard d != Int.min, d != Int.max else { return d }
        let date = CivilDate(dayNumber: d)
        return (direction == .before ? span.before(date) : span.after(date)).dayNumber
      }
      let moved = move(day.lowerBound)...move(day.upperBound)
      return direction == .before
        ? AnchorWindow(start: moved, end: day) : AnchorWindow(start: day, end: moved)
    }
    if let date = anchorDate(anchor) { return bounds(date.dayNumber...date.dayNumber) }
    if anchor == .consent { return bounds(Int.min...screening.dayNumber) }
    return bounds(screening.dayNumber...Int.max)
  }

  /// The days an event lasted: from its date to its end, which is its `endDate`; at least
  /// screening if `ongoing`; some day up to screening if `ongoing: false`; its date for a
  /// one-day event; unknown (any later day) for a state (GVHD) with neither recorded.
  func extent(_ event: HistoryEvent) -> (start: Int, end: ClosedRange<Int>) {
    let start = event.date.dayNumber
    if let end = event.endDate { return (start, end.dayNumber...end.dayNumber) }
    switch event.ongoing {
    case true?: return (start, screening.dayNumber...Int.max)
    case false?: return (start, start...screening.dayNumber)
    case nil:
      return (start, event.classes.intersects(EventClass.states) ? start...Int.max : start...start)
    }
  }

  /// Whether some selected event (a positive antigen result, a plan) falls in the window (see
  /// ``window(_:_:_:)``); `span == nil` means any time (`ever`). An event counts when any day of
  /// it does: a GVHD episode that began before the window and had not resolved by its start was
  /// present in it. An event that may or may not be in it leaves the verdict unknown, missing
  /// the field that would decide (the anchor's date, the episode's `endDate`, a filter's
  /// attribute).
  func within<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ direction: Direction, _ label: Int,
    _ sink: inout S
  ) -> Truth {
    if selection.antigen != 0 { return antigenWithin(selection, span, anchor, label, &sink) }
    if selection.planned { return plannedWithin(selection, span, anchor, direction, label, &sink) }
    let window = window(span, anchor, direction)
    var undecided: String?
    var afterAnchor: CivilDate?
    for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
      let (filter, filterPath) = passes(event, selection.filter, i)
      guard filter != .no else { continue }
      let (start, end) = extent(event)
      let inWindow = window.overlaps(start, end)
      if inWindow == .no {
        if start > window.end.upperBound { afterAnchor = event.date }
      } else if filter == .unknown {
        undecided = filterPath
      } else if inWindow == .yes {
        sink.note("\(labels[label]) on \(event.date)\(span: event)\(windowText(span, anchor, direction))")
        return .yes
      } else if end.upperBound == Int.max, event.ongoing == nil, event.endDate == nil {
        undecided = "history.events[\(i)].endDate"
      } else {
        undecided = anchorPath(anchor)
      }
    }
    if undecided == nil, !record.historyComplete { undecided = "history.complete" }
    if let undecided {
      sink.missing(undecided)
      return .unknown
    }
    sink.note("no \(labels[label])\(windowText(span, anchor, direction))")
    if let afterAnchor {
      sink.note("\(labels[label]) on \(afterAnchor) is after \(anchor.rawValue), outside the window")
    }
    return .no
  }

  /// `planned(EVENT) within SPAN before|after ANCHOR`: a plan dated in the window; an undated
  /// plan, or incomplete `plans`, leaves it unknown.
  private func plannedWithin<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ direction: Direction, _ label: Int,
    _ sink: inout S
  ) -> Truth {
    let window = window(span, anchor, direction)
    var undecided: String?
    for (i, plan) in record.plans.enumerated() where plan.classes.intersects(selection.classes) {
      guard let date = plan.date else {
        if span == nil {
          sink.note("\(labels[label])")
          return .yes
        }
        undecided = "plans.events[\(i)].date"
        continue
      }
      switch window.contains(date.dayNumber) {
      case .yes:
        sink.note("\(labels[label]) on \(date)\(windowText(span, anchor, direction, planned: true))")
        return .yes
      case .unknown: undecided = anchorPath(anchor)
      case .no: break
      }
    }
    if undecided == nil, !record.plansComplete { undecided = "plans.complete" }
    if let undecided {
      sink.missing(undecided)
      return .unknown
    }
    sink.note("no \(labels[label])\(windowText(span, anchor, direction, planned: true))")
    return .no
  }

  /// `ongoing(EVENT)`: some selected event is still present at screening (`ongoing: true`).
  func ongoing<S: EvidenceSink>(_ selection: Selection, _ label: Int, _ sink: inout S) -> Truth {
    var undecided: String?
    for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
      let (filter, filterPath) = passes(event, selection.filter, i)
      guard filter != .no else { continue }
      if event.ongoing == true {
        if filter == .yes {
          sink.note("\(labels[label]) since \(event.date), ongoing at screening")
          return .yes
        }
        undecided = filterPath
      } else if event.ongoing == nil, event.endDate == nil {
        undecided = "history.events[\(i)].ongoing"
      }
    }
    if undecided == nil, !record.historyComplete { undecided = "history.complete" }
    if let undecided {
      sink.missing(undecided)
      return .unknown
    }
    sink.note("no \(labels[label]) ongoing at screening")
    return .no
  }
}

/// The window of a `within` selection: the ranges its start and end day numbers may lie in
/// (one day each when the anchor's date is recorded).
struct AnchorWindow {
  var start: ClosedRange<Int>
  var end: ClosedRange<Int>

  /// Whether `day` is in the window: for certain, possibly (unknown) or certainly not.
  func contains(_ day: Int) -> Truth { overlaps(day, day...day) }

  /// Whether an event from day `first` to a last day somewhere in `last` shares a day with the
  /// window: for certain, possibly (unknown) or certainly not.
  func overlaps(_ first: Int, _ last: ClosedRange<Int>) -> Truth {
    if first <= end.lowerBound && last.lowerBound >= start.upperBound { return .yes }
    if first <= end.upperBound && last.upperBound >= start.lowerBound { return .unknown }
    return .no
  }
}
