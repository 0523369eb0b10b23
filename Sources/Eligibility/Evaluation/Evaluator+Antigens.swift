extension Evaluator {
  /// Whether an antigen result is admitted by the selection's specimen and method filter
  /// (unknown, with the field's path, if the filter tests an attribute not recorded).
  private func admits(_ result: AntigenResult, _ filter: EventFilter) -> (Truth, String?) {
    let path = "antigens[\(result.antigen)]"
    let admissions: [(Truth, String)] = [
      (result.specimen.admission(by: filter.specimens), "specimen"),
      (result.testMethod.admission(by: filter.methods), "method"),
    ]
    for (admission, field) in admissions where admission != Truth.yes {
      return (admission, admission == .unknown ? "\(path).\(field)" : nil)
    }
    return (.yes, nil)
  }

  /// The last day of the latest history event of `classes` (its `endDate`, else its date), or
  /// `nil` if there is none.
  private func lastTreatmentDay(_ classes: EventClassSet) -> CivilDate? {
    var last: CivilDate?
    for event in record.history where event.classes.intersects(classes) {
      let day = event.endDate ?? event.date
      if last == nil || day > last! { last = day }
    }
    return last
  }

  /// Whether a result is admitted by the selection (filter, `after`, window): yes, no or
  /// unknown with the deciding field's path.
  private func qualifies(
    _ result: AntigenResult, _ selection: Selection, _ window: AnchorWindow?, _ anchor: Anchor
  )
    -> (Truth, String?)
  {
    let (admitted, path) = admits(result, selection.filter)
    if admitted == .no { return (.no, nil) }
    var truth = admitted
    var missing = path
    if !selection.after.isEmpty || window != nil {
      guard let date = result.date else { return (.unknown, missing ?? "antigens[\(result.antigen)].date") }
      if !selection.after.isEmpty, let last = lastTreatmentDay(selection.after), date <= last {
        return (.no, nil)
      }
      if let window {
        let inWindow = window.contains(date.dayNumber)
        if inWindow == .no { return (.no, nil) }
        if inWindow == .unknown {
          truth = .unknown
          missing = missing ?? anchorPath(anchor)
        }
      }
    }
    return (truth, missing)
  }

  /// ` after the last chemotherapy (2026-10-01)`, when the selection restricts to results after
  /// the last of some treatments.
  private func afterText(_ selection: Selection) -> EvidenceText {
    guard !selection.after.isEmpty else { return "" }
    guard let last = lastTreatmentDay(selection.after) else { return " (no such treatment in history)" }
    return " (last treatment \(last))"
  }

  /// A history that may lack a later treatment cannot confirm that a result is "after the last
  /// treatment": a `yes` that depends on it becomes unknown, missing `history.complete`.
  private func confirmAfter<S: EvidenceSink>(_ truth: Truth, _ selection: Selection, _ sink: inout S) -> Truth
  {
    guard truth == .yes, !selection.after.isEmpty, !record.historyComplete else { return truth }
    sink.missing("history.complete")
    return .unknown
  }

  /// Some positive result admitted by the selection lies in the window.
  func antigenWithin<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ label: Int, _ sink: inout S
  ) -> Truth {
    let antigen = selection.antigenName ?? ""
    let window = span == nil ? nil : window(span, anchor)
    var undecided: String?
    var afterAnchor: CivilDate?
    var tested = false
    for result in record.antigens where result.antigen == antigen {
      tested = true
      guard result.positive else { continue }
      if span != nil, result.date == nil {
        undecided = "antigens[\(antigen)].date"
        continue
      }
      switch qualifies(result, selection, window, anchor) {
      case (.yes, _):
        let truth = confirmAfter(.yes, selection, &sink)
        sink.note(
          "\(antigen) positive\(" in ", ifRecorded: result.specimen?.rawValue)\(" by ", ifRecorded: result.method)\(" on ", ifRecorded: result.date)\(afterText(selection))\(windowText(span, anchor))"
        )
        return truth
      case (.unknown, let path): undecided = path
      case (.no, _):
        if let date = result.date, let window, date.dayNumber > window.end.upperBound { afterAnchor = date }
      }
    }
    if !tested { undecided = "antigens[\(antigen)]" }
    if let undecided {
      sink.missing(undecided)
      return .unknown
    }
    sink.note("no \(labels[label]) positive result\(afterText(selection))\(windowText(span, anchor))")
    if let afterAnchor {
      sink.note("\(antigen) on \(afterAnchor) is after \(anchor.rawValue), outside the window")
    }
    return .no
  }

  /// The latest result admitted by the selection (and in the window, if any) is positive: a
  /// positive result followed by a negative one does not count ("still expressed"). With no
  /// admitted result the criterion is not met; with none at all it is missing.
  func latestAntigen<S: EvidenceSink>(
    _ selection: Selection, _ span: CalendarSpan?, _ anchor: Anchor, _ label: Int, _ sink: inout S
  ) -> Truth {
    let antigen = selection.antigenName ?? ""
    let window = span == nil ? nil : window(span, anchor)
    var latest: AntigenResult?
    var undecided: (day: Int, path: String)?
    var tested = false
    for result in record.antigens where result.antigen == antigen {
      tested = true
      let day = result.date?.dayNumber ?? .min
      switch qualifies(result, selection, window, anchor) {
      case (.yes, _):
        if latest == nil || day >= (latest?.date?.dayNumber ?? .min) { latest = result }
      case (.unknown, let path):
        if undecided == nil || day > undecided!.day { undecided = (day, path ?? "antigens[\(antigen)]") }
      case (.no, _): break
      }
    }
    guard tested else {
      sink.missing("antigens[\(antigen)]")
      return .unknown
    }
    // A result that may count and is not earlier than the latest one that does could be the latest.
    if let undecided, undecided.day >= (latest?.date?.dayNumber ?? .min) {
      sink.missing(undecided.path)
      return .unknown
    }
    guard let latest else {
      let windowNote: EvidenceText = span == nil ? "" : "\(windowText(span, anchor))"
      sink.note("no \(labels[label]) result\(afterText(selection))\(windowNote)")
      return .no
    }
    let truth = confirmAfter(Truth(latest.positive), selection, &sink)
    let plain = selection.filter.isEmpty && selection.after.isEmpty && span == nil
    let latestWord: EvidenceText = plain ? "" : "latest "
    let windowNote: EvidenceText = span == nil ? "" : "\(windowText(span, anchor))"
    sink.note(
      "\(latestWord)\(antigen) \(latest.positive ? "positive" : "negative")\(" in ", ifRecorded: latest.specimen?.rawValue)\(" by ", ifRecorded: latest.method)\(" on ", ifRecorded: latest.date)\(afterText(selection))\(windowNote)"
    )
    return truth
  }
}
