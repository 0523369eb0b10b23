import Analysis
import Charts
import TrialModel

/// The safety, response, time-to-event and follow-up sections.
extension ReportPage {
  func safetySection() -> String {
    let scope = report.scope
    func row(_ label: String, _ list: [SubjectRecord]) -> [String] {
      let assessed = list.filter { $0.dlt != nil }
      return [label, String(list.count), "\(assessed.filter { $0.dlt == true }.count)/\(assessed.count)"]
    }
    let rows = scope.levels.map { row($0.label, scope.subjects(at: $0)) } + [row("All", scope.subjects)]
    return "<h2>Subjects and dose-limiting toxicities</h2>\n"
      + table(header: ["Dose level", "Infused", "DLT / assessed"], rows: rows)
      + escalationCharts()
  }

  /// One escalation path per group (levels differ between groups).
  private func escalationCharts() -> String {
    let scope = report.scope
    let groups = Array(Set(scope.doseLevels.map(\.group))).sorted { ($0 ?? "") < ($1 ?? "") }
    return groups.map { group -> String in
      let levels = scope.doseLevels.filter { $0.group == group }
      let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.level!, $0) })
      let ordered = scope.subjects.filter { $0.group == group && $0.doseLevel != nil }
        .sorted { $0.course.infusion! < $1.course.infusion! }
      guard !ordered.isEmpty else { return "" }
      let title = groups.count > 1 ? "Escalation path, group \(group ?? "not recorded")" : "Escalation path"
      return EscalationChart(
        title: title, doseLabels: levels.map(\.label),
        patients: ordered.map {
          .init(subject: $0.subject, doseLevel: index[$0.doseLevel!] ?? 0, dlt: $0.dlt == true)
        }
      ).element().render()
    }.joined()
  }

  func responseSection() -> String {
    let scope = report.scope
    func row(_ label: String, _ list: [SubjectRecord]) -> [String]? {
      guard let ci = report.remissionRate(list) else { return nil }
      return [
        label, "\(ci.successes)/\(ci.trials)", Format.percent(ci.estimate),
        "\(Format.percent(ci.lower))–\(Format.percent(ci.upper))",
      ]
    }
    let rows = (scope.levels.map { row($0.label, scope.subjects(at: $0)) } + [row("All", scope.subjects)])
      .compactMap { $0 }
    let window =
      report.responseWindow.map { " within \($0) days of infusion (the protocol's response window)" } ?? ""
    return
      "<h2>Overall remission rate (CR + CRi)</h2>\n<p>Best response CR or CRi\(window); exact 95% CI.</p>\n"
      + table(header: ["Dose level", "Responders", "ORR", "95% CI"], rows: rows)
  }

  func survivalSection() -> String {
    guard !report.endpoints.isEmpty else { return "" }
    let scale = report.options.scale
    var rows: [[String]] = []
    var charts = ""
    for endpoint in report.endpoints {
      let km = KaplanMeier(endpoint.outcomes.map(\.observation))
      let median = km.median(scale: scale)
      func at(_ day: Double) -> String {
        // Beyond the last observation nobody is at risk: not estimated unless the curve reached 0.
        if km.count > 0, day > km.lastObservedTime, km.survival(at: day) > 0 {
          return "not estimated (last observation day \(Format.number(km.lastObservedTime)))"
        }
        guard let step = km.step(at: day) else { return km.count > 0 ? "100%" : "—" }
        let band = km.confidenceInterval(for: step, scale: scale)
        return Format.percent(step.survival)
          + (band.map { " (\(Format.percent($0.lower))–\(Format.percent($0.upper)))" } ?? "")
      }
      let name = endpoint.definition.name
      rows.append([
        name, String(km.count), String(km.eventCount), median.estimate.map { Format.number($0) } ?? "NR",
        "\(Format.number(median.lower))–\(median.upper.map { Format.number($0) } ?? "NR")", at(182), at(365),
      ])
      if km.count > 0 {
        let origin = endpoint.definition.origin
        let originName = origin == .firstResponse ? "first CR/CRi" : origin.rawValue
        charts += KaplanMeierChart(
          title: name, curves: [(name, km)], ticks: nil, xLabel: "Days since \(originName)"
        ).element().render()
      }
    }
    return "<h2>Time-to-event endpoints</h2>\n<p>Median in days (NR = not reached); S(t) with 95% CI.</p>\n"
      + table(
        header: ["Endpoint", "n", "Events", "Median (d)", "95% CI (d)", "S(6 mo)", "S(12 mo)"], rows: rows)
      + charts
  }

  func swimmerSection() -> String {
    let grouped = Set(report.scope.subjects.map(\.group)).count > 1
    let lanes = report.scope.subjects.map { s -> SwimmerChart.Lane in
      let start = s.course.infusion!
      func day(_ date: CalendarDate?) -> Double? { date.map { Double($0.days(since: start)) } }
      let end = [s.course.death, s.course.lastKnownAlive, s.course.lastAssessment].compactMap(day).max() ?? 0
      var markers: [SwimmerChart.Marker] = []
      if let d = day(s.course.firstResponse) { markers.append(.init(day: d, kind: .response)) }
      if let d = day(s.course.relapse) { markers.append(.init(day: d, kind: .relapse)) }
      if let d = day(s.course.transplant) { markers.append(.init(day: d, kind: .transplant)) }
      if let d = day(s.course.death) { markers.append(.init(day: d, kind: .death)) }
      let level = s.doseLevel.map { "L\($0)" }
      let lane = grouped ? [s.group, level].compactMap { $0 }.joined(separator: " ") : level ?? s.group ?? ""
      return .init(
        subject: s.subject, days: end, ongoing: s.course.death == nil, group: lane, markers: markers)
    }
    return "<h2>Follow-up</h2>\n"
      + SwimmerChart(title: "Follow-up by subject", lanes: lanes).element().render()
  }
}
