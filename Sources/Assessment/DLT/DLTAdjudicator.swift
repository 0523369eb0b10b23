import TrialModel

/// Adjudicates dose-limiting toxicity for one subject from dated, graded assessments, applying the
/// protocol's DLT rules (term or grade source, grade threshold, persistence,
/// exclusions) within the DLT window (day 0 to `windowDays` after infusion, inclusive).
///
/// An episode starts when a matching event reaches the rule's grade inside the window and ends
/// when the grade falls below it. Resolution must be documented: a toxicity "not improving to
/// grade g within d days" is a DLT unless an assessment at most d days after onset shows grade ≤ g;
/// a toxicity "present after day D" is a DLT only if an assessment after day D still shows it.
public struct DLTAdjudicator: Sendable {
  public let rules: [DLTRule]
  public let windowDays: Int
  private let prepared: [PreparedRule]

  public init(rules: [DLTRule], windowDays: Int) {
    self.rules = rules
    self.windowDays = windowDays
    prepared = rules.map(PreparedRule.init)
  }

  /// The verdict for one subject.
  /// - Parameters:
  ///   - events: every graded assessment of the subject (any order).
  ///   - observedThroughDay: the last day the record covers (`nil`: the last event's day).
  ///   - offStudyDay: the day the subject left the study, if it did.
  ///   - notEvaluableReason: a reason the subject cannot be evaluated (e.g. not dosed), if any.
  public func adjudicate(
    events: [GradedEvent], observedThroughDay: Double? = nil, offStudyDay: Double? = nil,
    notEvaluableReason: String? = nil
  ) -> DLTAdjudication {
    let sorted = events.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(
      \.element)
    let through = min(observedThroughDay ?? sorted.last?.day ?? 0, offStudyDay ?? .infinity)
    let termKeys = sorted.map { TermName.key($0.term) }
    let keys = sorted.indices.map { "\(sorted[$0].kind.rawValue)/\(termKeys[$0])" }
    let labTerms = sorted.map { $0.kind == .lab ? LabTerm(parsing: $0.term) : nil }
    let findings = prepared.flatMap { rule in
      let matching = sorted.indices.filter {
        rule.reads(sorted[$0], termKey: termKeys[$0], labTerm: labTerms[$0])
      }
      return self.findings(of: rule.rule, in: matching.map { (keys[$0], sorted[$0]) }, through: through)
    }
    func result(_ verdict: DLTVerdict, _ reason: String, _ deciding: [DLTFinding]) -> DLTAdjudication {
      DLTAdjudication(
        verdict: verdict, reason: reason, decidingEvents: deciding, findings: findings,
        windowDays: windowDays,
        observedThroughDay: through)
    }
    let dlts = findings.filter { $0.status == .dlt }
    if !dlts.isEmpty {
      return result(.dlt, dlts.map(\.explanation).joined(separator: "; "), dlts)
    }
    if let notEvaluableReason { return result(.notEvaluable, notEvaluableReason, []) }
    let open = findings.filter { $0.status == .pending }
    let windowOpen = through < Double(windowDays)
    if let offStudyDay, windowOpen || !open.isEmpty {
      return result(
        .notEvaluable,
        "left the study on day \(DayFormat.text(offStudyDay)) before the DLT window (day \(windowDays)) "
          + "and persistence windows closed, without a DLT", open)
    }
    if windowOpen || !open.isEmpty {
      let parts =
        (windowOpen
          ? ["DLT window open: observed through day \(DayFormat.text(through)) of \(windowDays)"] : [])
        + open.map(\.explanation)
      return result(.pending, parts.joined(separator: "; "), open)
    }
    let unknown = findings.filter { $0.status == .undetermined }
    if !unknown.isEmpty {
      return result(.notEvaluable, unknown.map(\.explanation).joined(separator: "; "), unknown)
    }
    return result(.noDlt, "no DLT rule met through day \(windowDays)", [])
  }

  /// Findings of one rule over its matching events, keyed by kind and term (one timeline each).
  private func findings(
    of rule: DLTRule, in matching: [(key: String, event: GradedEvent)], through: Double
  ) -> [DLTFinding] {
    let timelines = Dictionary(grouping: matching, by: \.key)
    return timelines.keys.sorted().flatMap { key in
      episodes(of: rule, in: timelines[key]!.map(\.event), through: through)
    }
  }

  private func episodes(of rule: DLTRule, in timeline: [GradedEvent], through: Double) -> [DLTFinding] {
    var findings: [DLTFinding] = []
    var inEpisode = false
    for (index, event) in timeline.enumerated() {
      guard event.grade >= rule.minimumGrade else {
        inEpisode = false
        continue
      }
      guard !inEpisode, event.day >= 0, event.day <= Double(windowDays) else { continue }
      inEpisode = true
      if let why = rule.exclusion(for: event) {
        findings.append(
          DLTFinding(
            rule: rule.id, status: .excluded, events: [event],
            explanation: "\(rule.id): \(event.summary) not counted (\(why))"))
        continue
      }
      // Unknown attribution is not "unrelated": the verdict waits for it.
      if rule.requiresRelatedness && event.related == nil {
        findings.append(
          DLTFinding(
            rule: rule.id, status: .undetermined, events: [event],
            explanation: "\(rule.id): \(event.summary): attribution to the investigational product not given")
        )
        continue
      }
      findings.append(persistence(of: rule, onset: index, in: timeline, through: through))
    }
    return findings
  }

  private func persistence(of rule: DLTRule, onset: Int, in timeline: [GradedEvent], through: Double)
    -> DLTFinding
  {
    let start = timeline[onset]
    let later = timeline[(onset + 1)...]
    func finding(_ status: DLTFindingStatus, _ events: [GradedEvent], _ text: String) -> DLTFinding {
      DLTFinding(
        rule: rule.id, status: status, events: events, explanation: "\(rule.id): \(start.summary)\(text)")
    }
    switch rule.persistence {
    case nil:
      return finding(.dlt, [start], " (\(rule.description))")
    case .unlessResolvedTo(let grade, let days)?:
      let deadline = start.day + days
      let limit = "grade ≤ \(grade) by day \(DayFormat.text(deadline))"
      if let resolved = later.first(where: { $0.grade <= grade && $0.day <= deadline }) {
        return finding(
          .resolved, [start, resolved],
          ", improved to grade \(resolved.grade) on day \(DayFormat.text(resolved.day)) (\(limit))")
      }
      if let after = later.first(where: { $0.day >= deadline }) {
        return finding(
          .dlt, [start, after], ", not \(limit): grade \(after.grade) on day \(DayFormat.text(after.day))")
      }
      if through < deadline { return finding(.pending, [start], ": waiting for \(limit)") }
      return finding(
        .undetermined, [start], ": no assessment on or after day \(DayFormat.text(deadline)) to show \(limit)"
      )
    case .presentAfterDay(let day)?:
      for event in timeline[onset...] {
        if event.grade < rule.minimumGrade {
          return finding(
            .resolved, [start, event],
            ", recovered to grade \(event.grade) on day \(DayFormat.text(event.day)) (by day \(day))")
        }
        if event.day > Double(day) {
          return finding(
            .dlt, [start, event],
            ", still grade \(event.grade) on day \(DayFormat.text(event.day)) (after day \(day))")
        }
      }
      if through <= Double(day) {
        return finding(.pending, [start], ": waiting for an assessment after day \(day)")
      }
      return finding(.undetermined, [start], ": no assessment after day \(day) to show whether it persists")
    }
  }
}
