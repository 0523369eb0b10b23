import Analysis
import Charts
import Foundation
import TrialModel

/// The computed content of `cartrial report` and its rendering as one HTML page (inline SVG).
struct ReportPage {
  let trial: TrialProtocol?
  let populationGroup: PopulationGroup?
  let dataName: String
  let subjects: [ReportCommand.Subject]
  let kinetics: [(subject: String, profile: ConcentrationProfile)]
  let endpoints: [(definition: EndpointDefinition, outcomes: [EndpointOutcome])]
  let scale: SurvivalConfidenceScale
  let transplant: EndpointDefinition.TransplantRule
  /// ORR window (days after infusion) from the protocol's ORR endpoint, if any.
  let responseWindow: Int?

  init(
    trial: TrialProtocol?, group: String?, dataName: String, subjects: [ReportCommand.Subject],
    kinetics: [(subject: String, profile: ConcentrationProfile)], endpoints: [EndpointDefinition],
    scale: SurvivalConfidenceScale, transplant: EndpointDefinition.TransplantRule
  ) throws {
    self.trial = trial
    self.populationGroup = trial.flatMap { try? $0.group(group) }
    self.dataName = dataName
    self.subjects = subjects
    self.kinetics = kinetics
    self.scale = scale
    self.transplant = transplant
    let window = trial?.endpoints.first { $0.measure == .orr }?.windowDays?.value
    self.responseWindow = window
    self.endpoints = try endpoints.map { definition in
      (
        definition,
        try subjects.compactMap { subject in
          do {
            return try definition.derive(for: Self.course(subject, window: window))
          } catch {
            throw CLIError("subjects.csv:\(subject.line): \(error)")
          }
        }
      )
    }
  }

  func html() -> String {
    let title = trial.map { "\($0.id): \($0.shortTitle ?? $0.title)" } ?? "Trial report (\(dataName))"
    var body = "<h1>\(escape(title))</h1>\n"
    if let trial {
      body +=
        "<p>\(escape(trial.title))<br>Registry ids: \(escape(([trial.id] + trial.secondaryIds).joined(separator: ", ")))"
        + " · phase \(escape(trial.phase.rawValue)) · sponsor \(escape(trial.sponsor))</p>\n"
      body +=
        "<h2>Protocol endpoints</h2>\n<ul>"
        + trial.endpoints.map { "<li>\($0.primary ? "<b>Primary</b>: " : "")\(escape($0.name))</li>" }
        .joined()
        + "</ul>\n"
    } else {
      body += "<p>No protocol given (<code>--protocol</code>): all standard endpoints are shown.</p>\n"
    }
    body += safetySection() + responseSection() + survivalSection() + swimmerSection() + kineticsSection()
    body += """
      <h2>Methods</h2>
      <p>Times are days since infusion (day 0). Kaplan–Meier with Greenwood standard errors; 95% confidence
      intervals on the \(scale.rawValue) scale; median CI by Brookmeyer–Crowley as R <code>survfit</code>.
      Exact (Clopper–Pearson) intervals for proportions. NCA with PKNCA 0.11.0 conventions
      (lin-up/log-down AUC, adjusted-R² λz rule); AUC0–28d extrapolated with λz after Tlast.
      Endpoint rules (specs/clinical.md §2.3) are recalled defaults [R]: origin infusion; treatment failure dated
      day 0; DOR counts deaths due to disease only; HSCT: \(transplant.rawValue).</p>
      """
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
      <style>
      body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
      table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}
      th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}svg{max-width:100%;height:auto}
      </style></head>
      <body>
      \(body)
      </body></html>

      """
  }

  // MARK: - Sections

  /// Dose-level labels and the chart index of each level.
  private var doseLevels: [(level: Int, label: String)] {
    let levels = populationGroup?.orderedLevels ?? Set(subjects.compactMap(\.doseLevel)).sorted()
    return levels.map { level in
      (level, populationGroup?.doseLevel(level).map { "L\(level): \($0.dose)" } ?? "L\(level)")
    }
  }

  private func safetySection() -> String {
    var rows: [[String]] = []
    for (level, label) in doseLevels {
      let treated = subjects.filter { $0.doseLevel == level }
      guard !treated.isEmpty else { continue }
      let assessed = treated.filter { $0.dlt != nil }
      rows.append([
        label, String(treated.count), "\(assessed.filter { $0.dlt == true }.count)/\(assessed.count)",
      ])
    }
    rows.append([
      "All", String(subjects.count),
      "\(subjects.filter { $0.dlt == true }.count)/\(subjects.filter { $0.dlt != nil }.count)",
    ])
    var html =
      "<h2>Subjects and dose-limiting toxicities</h2>\n"
      + table(header: ["Dose level", "Infused", "DLT / assessed"], rows: rows)
    let ordered = subjects.filter { $0.doseLevel != nil }.sorted { $0.course.infusion! < $1.course.infusion! }
    if !ordered.isEmpty {
      let index = Dictionary(uniqueKeysWithValues: doseLevels.enumerated().map { ($1.level, $0) })
      let chart = EscalationChart(
        title: "Escalation path", doseLabels: doseLevels.map(\.label),
        patients: ordered.map {
          .init(subject: $0.course.subject, doseLevel: index[$0.doseLevel!] ?? 0, dlt: $0.dlt == true)
        })
      html += chart.element().render()
    }
    return html
  }

  /// The subject's course as the endpoints read it: a first CR/CRi after the protocol's response
  /// window does not make a responder (ORR, DOR and RFS populations), and EFS then counts a
  /// treatment failure (clinical.md §2.2–2.3).
  static func course(_ subject: ReportCommand.Subject, window: Int?) -> SubjectCourse {
    var course = subject.course
    if let window, let date = course.firstResponse, date.days(since: course.infusion!) > window {
      course.firstResponse = nil
    }
    return course
  }

  private func responseSection() -> String {
    func responded(_ s: ReportCommand.Subject) -> Bool {
      Self.course(s, window: responseWindow).firstResponse != nil
    }
    func row(_ label: String, _ list: [ReportCommand.Subject]) -> [String]? {
      guard !list.isEmpty else { return nil }
      let ci = ProportionInterval.clopperPearson(successes: list.filter(responded).count, trials: list.count)
      return [
        label, "\(ci.successes)/\(ci.trials)", percent(ci.estimate),
        "\(percent(ci.lower))–\(percent(ci.upper))",
      ]
    }
    var rows = doseLevels.compactMap { level, label in row(label, subjects.filter { $0.doseLevel == level }) }
    rows += [row("All", subjects)].compactMap { $0 }
    let window = responseWindow.map { " within \($0) days of infusion (protocol ORR window)" } ?? ""
    return
      "<h2>Overall remission rate (CR + CRi)</h2>\n<p>Best response CR or CRi\(window); exact 95% CI.</p>\n"
      + table(header: ["Dose level", "Responders", "ORR", "95% CI"], rows: rows)
  }

  private func survivalSection() -> String {
    guard !endpoints.isEmpty else { return "" }
    var rows: [[String]] = []
    var charts = ""
    for (definition, outcomes) in endpoints {
      let km = KaplanMeier(outcomes.map(\.observation))
      let median = km.median(scale: scale)
      func at(_ day: Double) -> String {
        guard let step = km.step(at: day) else { return km.count > 0 ? "100%" : "—" }
        let band = km.confidenceInterval(for: step, scale: scale)
        return percent(step.survival) + (band.map { " (\(percent($0.lower))–\(percent($0.upper)))" } ?? "")
      }
      rows.append([
        definition.name, String(km.count), String(km.eventCount),
        median.estimate.map { TextTable.number($0) } ?? "NR",
        "\(TextTable.number(median.lower))–\(median.upper.map { TextTable.number($0) } ?? "NR")", at(182),
        at(365),
      ])
      if km.count > 0 {
        let origin = definition.origin == .firstResponse ? "first CR/CRi" : definition.origin.rawValue
        charts += KMCommand.chart(
          title: definition.name, curves: [(definition.name, km)], ticks: nil, xLabel: "Days since \(origin)"
        ).element().render()
      }
    }
    return "<h2>Time-to-event endpoints</h2>\n<p>Median in days (NR = not reached); S(t) with 95% CI.</p>\n"
      + table(
        header: ["Endpoint", "n", "Events", "Median (d)", "95% CI (d)", "S(6 mo)", "S(12 mo)"], rows: rows)
      + charts
  }

  private func swimmerSection() -> String {
    let lanes = subjects.map { s -> SwimmerChart.Lane in
      let start = s.course.infusion!
      func day(_ date: CalendarDate?) -> Double? { date.map { Double($0.days(since: start)) } }
      let end = [s.course.death, s.course.lastKnownAlive, s.course.lastAssessment].compactMap(day).max() ?? 0
      var markers: [SwimmerChart.Marker] = []
      if let d = day(s.course.firstResponse) { markers.append(.init(day: d, kind: .response)) }
      if let d = day(s.course.relapse) { markers.append(.init(day: d, kind: .relapse)) }
      if let d = day(s.course.transplant) { markers.append(.init(day: d, kind: .transplant)) }
      if let d = day(s.course.death) { markers.append(.init(day: d, kind: .death)) }
      return .init(
        subject: s.course.subject, days: end, ongoing: s.course.death == nil,
        group: s.doseLevel.map { "L\($0)" } ?? s.group, markers: markers)
    }
    return "<h2>Follow-up</h2>\n"
      + SwimmerChart(title: "Follow-up by subject", lanes: lanes).element().render()
  }

  // MARK: - Helpers

  func geometricSummary(_ values: [Double]) -> String {
    let logs = values.filter { $0 > 0 }.map { Foundation.log($0) }
    guard logs.count >= 2 else { return logs.first.map { "\(TextTable.number(exp($0))), n = 1" } ?? "—" }
    let mean = logs.reduce(0, +) / Double(logs.count)
    let variance = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
    let cv = (exp(variance) - 1).squareRoot() * 100
    return
      "geometric mean \(TextTable.number(exp(mean))) (CV \(String(format: "%.1f", cv))%), n = \(logs.count)"
  }

  func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  func percent(_ p: Double) -> String { String(format: "%.1f%%", p * 100) }

  func escape(_ s: String) -> String { SVGElement.escape(s) }

  func table(header: [String], rows: [[String]]) -> String {
    "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
      + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
  }
}
