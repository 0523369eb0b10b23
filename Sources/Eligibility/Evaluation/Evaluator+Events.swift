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

  /// Whether some selected event (or a positive antigen result) falls on or after
  /// `anchor − span`; `span == nil` means any time (`ever`). An unknown anchor date bounds the
  /// window: infusion is on or after screening, consent on or before it.
  func within<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ label: Int, _ sink: inout S
  ) -> Truth {
    var earliestStart = Int.min
    var latestStart = Int.min
    if let span {
      let onScreening = span.before(screening).dayNumber
      switch anchor {
      case .screening: (earliestStart, latestStart) = (onScreening, onScreening)
      case .infusion, .lymphodepletion:
        if let date = anchor == .infusion ? record.plannedInfusionDate : record.plannedLymphodepletionDate {
          let start = span.before(date).dayNumber
          (earliestStart, latestStart) = (start, start)
        } else {
          (earliestStart, latestStart) = (onScreening, Int.max)
        }
      case .consent:
        if let date = record.consentDate {
          let start = span.before(date).dayNumber
          (earliestStart, latestStart) = (start, start)
        } else {
          (earliestStart, latestStart) = (Int.min, onScreening)
        }
      }
    }
    var undecided: String?
    if let antigen = selection.antigenName {
      var tested = false
      for result in record.antigens where result.antigen == antigen {
        tested = true
        guard result.positive else { continue }
        guard let date = result.date?.dayNumber else {
          undecided = "antigens[\(antigen)].date"
          continue
        }
        if date >= latestStart {
          sink.note(
            "\(antigen) positive on \(result.date!)\(" by ", ifRecorded: result.method)\(windowText(span, anchor))"
          )
          return .yes
        }
        if date >= earliestStart { undecided = anchorPath(anchor) }
      }
      if !tested { undecided = "antigens[\(antigen)]" }
    } else {
      for (i, event) in record.history.enumerated() where event.classes.intersects(selection.classes) {
        let filter = passes(event, selection.filter)
        guard filter != .no, event.date.dayNumber >= earliestStart else { continue }
        if filter == .unknown {
          undecided = filterPath(selection.filter, i)
        } else if event.date.dayNumber >= latestStart {
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
    return .no
  }
}
