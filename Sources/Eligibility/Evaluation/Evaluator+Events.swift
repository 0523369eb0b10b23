extension Evaluator {
  /// Whether an event passes the selection's dose/grade filter (unknown if the attribute is
  /// not recorded).
  private func passes(_ event: HistoryEvent, _ filter: EventSelector.Filter?) -> Truth {
    switch filter {
    case nil: return .yes
    case .dose(let op, let limit): return event.dose.map { Truth(op.holds($0, limit)) } ?? .unknown
    case .grade(let op, let limit): return event.grade.map { Truth(op.holds($0, limit)) } ?? .unknown
    }
  }

  private func filterPath(_ filter: EventSelector.Filter?, _ index: Int) -> String {
    if case .grade = filter { return "history.events[\(index)].grade" }
    return "history.events[\(index)].prednisoneEquivalentMgPerDay"
  }

  /// Time since the latest selected event compared with `span`: `since OP span` holds exactly
  /// when `(screening − span) OP eventDate`. With no such event the time is unbounded (if the
  /// history is complete); with an incomplete history only a bound is known.
  func since<S: EvidenceSink>(
    _ selection: Selection, _ op: Comparison, _ span: CalendarSpan, _ label: Int, _ sink: inout S
  ) -> Truth {
    var latest: (index: Int, date: CivilDate)?
    var undecidedFilter: Int?
    for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
      switch passes(event, selection.filter) {
      case .no: continue
      case .unknown: undecidedFilter = i
      case .yes: if latest == nil || event.date > latest!.date { latest = (i, event.date) }
      }
    }
    let boundary = span.before(screening)
    var result: Truth
    if let latest {
      result = Truth(op.holds(boundary.dayNumber, latest.date.dayNumber))
      if S.records {
        let days = screening.dayNumber - latest.date.dayNumber
        let shown = result == .yes ? op : op.negated
        sink.note(
          "\(labels[label]) on \(latest.date), \(days) days before screening \(shown.symbol) \(span)")
      }
    } else {
      result = Truth(op == .greater || op == .greaterOrEqual || op == .notEqual)
      sink.note("no \(labels[label]) in history")
    }
    // A missing later event could only shorten the time since.
    let shorterMakesTrue = op == .less || op == .lessOrEqual
    if !record.historyComplete, result == (shorterMakesTrue ? .no : .yes) || op == .equal || op == .notEqual {
      sink.missing("history.complete")
      result = .unknown
    }
    if let undecidedFilter, result != (shorterMakesTrue ? .yes : .no) {
      sink.missing(filterPath(selection.filter, undecidedFilter))
      result = .unknown
    }
    return result
  }

  private func anchorPath(_ anchor: Anchor) -> String {
    switch anchor {
    case .screening: "screeningDate"
    case .infusion: "plannedInfusionDate"
    case .lymphodepletion: "plannedLymphodepletionDate"
    case .consent: "consent.date"
    }
  }

  /// ` within 3 months before infusion (2026-12-14)`, or ` in history` without a span.
  private func windowText(_ span: CalendarSpan?, _ anchor: Anchor) -> EvidenceText.Window {
    guard let span else { return EvidenceText.Window(span: nil, anchor: "", date: "") }
    let date =
      anchorDescriptions.isEmpty ? Evaluator.describeAnchor(anchor, record) : anchorDescriptions[anchor.index]
    return EvidenceText.Window(span: span, anchor: anchor.rawValue, date: date)
  }

  /// ` (2026-11-20)` for an anchor's date, or ` (date not recorded)`.
  static func describeAnchor(_ anchor: Anchor, _ record: PatientRecord) -> String {
    let date: CivilDate? =
      switch anchor {
      case .screening: record.screeningDate
      case .infusion: record.plannedInfusionDate
      case .lymphodepletion: record.plannedLymphodepletionDate
      case .consent: record.consentDate
      }
    guard let date else { return " (date not recorded)" }
    let text: EvidenceText = " (\(date))"
    return text.string
  }

  /// The window `[anchor − span, anchor]` of `EVENT within SPAN before ANCHOR`, as bounds on its
  /// start and end day numbers: an anchor whose date is not recorded is only bounded (infusion
  /// and lymphodepletion are planned on or after screening, consent is signed on or before it).
  /// `span == nil` (`ever`) is the whole history.
  ///
  /// The record holds events up to the screening date only, so for a future anchor (infusion,
  /// lymphodepletion) every recorded event is before the anchor and the window's end never
  /// excludes one; events between screening and the anchor are not yet known and the verdict is
  /// as of screening. For a past anchor (consent), an event after the anchor — between consent
  /// and screening — is outside the window: it did not happen "before consent".
  private func window(_ span: CalendarSpan?, _ anchor: Anchor) -> AnchorWindow {
    guard let span else { return AnchorWindow(start: Int.min...Int.min, end: Int.max...Int.max) }
    let onScreening = span.before(screening).dayNumber
    let date: CivilDate?
    switch anchor {
    case .screening: date = screening
    case .infusion: date = record.plannedInfusionDate
    case .lymphodepletion: date = record.plannedLymphodepletionDate
    case .consent: date = record.consentDate
    }
    if let date {
      return AnchorWindow(
        start: span.before(date).dayNumber...span.before(date).dayNumber, end: date.dayNumber...date.dayNumber
      )
    }
    if anchor == .consent {
      return AnchorWindow(start: Int.min...onScreening, end: Int.min...screening.dayNumber)
    }
    return AnchorWindow(start: onScreening...Int.max, end: screening.dayNumber...Int.max)
  }

  /// Whether some selected event (or a positive antigen result) falls in the window
  /// `[anchor − span, anchor]` (see ``window(_:_:)``); `span == nil` means any time (`ever`).
  /// An event that may or may not be in it, because the anchor's date is not recorded, leaves
  /// the verdict unknown (missing the anchor's date).
  func within<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ label: Int, _ sink: inout S
  ) -> Truth {
    let window = window(span, anchor)
    var undecided: String?
    var afterAnchor: CivilDate?
    if let antigen = selection.antigenName {
      var tested = false
      for result in record.antigens where result.antigen == antigen {
        tested = true
        guard result.positive else { continue }
        guard let date = result.date else {
          undecided = "antigens[\(antigen)].date"
          continue
        }
        switch window.contains(date.dayNumber) {
        case .yes:
          sink.note(
            "\(antigen) positive on \(date)\(" by ", ifRecorded: result.method)\(windowText(span, anchor))"
          )
          return .yes
        case .unknown: undecided = anchorPath(anchor)
        case .no: if date.dayNumber > window.end.upperBound { afterAnchor = date }
        }
      }
      if !tested { undecided = "antigens[\(antigen)]" }
    } else {
      for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
        let filter = passes(event, selection.filter)
        guard filter != .no else { continue }
        let inWindow = window.contains(event.date.dayNumber)
        if inWindow == .no {
          if event.date.dayNumber > window.end.upperBound { afterAnchor = event.date }
        } else if filter == .unknown {
          undecided = filterPath(selection.filter, i)
        } else if inWindow == .yes {
          sink.note("\(labels[label]) on \(event.date)\(windowText(span, anchor))")
          return .yes
        } else {
          undecided = anchorPath(anchor)
        }
      }
      if undecided == nil, !record.historyComplete { undecided = "history.complete" }
    }
    if let undecided {
      sink.missing(undecided)
      return .unknown
    }
    sink.note("no \(labels[label])\(windowText(span, anchor))")
    if let afterAnchor {
      sink.note("\(labels[label]) on \(afterAnchor) is after \(anchor.rawValue), outside the window")
    }
    return .no
  }
}

/// The window of a `within` selection: the ranges its start and end day numbers may lie in
/// (one day each when the anchor's date is recorded).
struct AnchorWindow {
  var start: ClosedRange<Int>
  var end: ClosedRange<Int>

  /// Whether `day` is in the window: for certain, possibly (unknown) or certainly not.
  func contains(_ day: Int) -> Truth {
    if day >= start.upperBound && day <= end.lowerBound { return .yes }
    if day >= start.lowerBound && day <= end.upperBound { return .unknown }
    return .no
  }
}
