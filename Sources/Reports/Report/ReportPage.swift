import Analysis
import Charts
import TrialModel

/// A trial report rendered as one self-contained HTML page (inline SVG, no script, no external
/// resource): protocol endpoints, subjects and DLTs by dose level with the escalation path, ORR
/// with exact CIs, time-to-event endpoints with Kaplan–Meier charts, a swimmer plot, and the
/// cellular kinetics.
public struct ReportPage: Sendable {
  public let report: TrialReport

  public init(_ report: TrialReport) { self.report = report }

  /// The page title: the protocol's id and short title, or the data set's name.
  public var title: String {
    report.trial.map { "\($0.id): \($0.shortTitle ?? $0.title)" } ?? "Trial report (\(report.dataName))"
  }

  /// The report's content without the document around it (to embed in another page).
  public func body() -> String {
    "<h1>\(escape(title))</h1>\n" + protocolSection() + safetySection() + responseSection()
      + survivalSection() + swimmerSection() + kineticsSection() + methodsSection()
  }

  /// The whole page: ``body()`` in a self-contained HTML document.
  public func html() -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
    <link rel="icon" href="data:,">
    <style>
    body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
    table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}
    th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}svg{max-width:100%;height:auto}
    </style></head>
    <body><main>
    \(body())
    </main></body></html>

    """
  }

  private func protocolSection() -> String {
    guard let trial = report.trial else {
      return "<p>No protocol given: all standard endpoints are shown. \(escape(coverage))</p>\n"
    }
    let ids = ([trial.id] + trial.secondaryIds).joined(separator: ", ")
    var html =
      "<p>\(escape(trial.title))<br>Registry ids: \(escape(ids))"
      + " · phase \(escape(trial.phase.rawValue)) · sponsor \(escape(trial.sponsor))</p>\n"
    html += "<p>\(escape(coverage))</p>\n"
    html +=
      "<h2>Protocol endpoints</h2>\n<ul>"
      + trial.endpoints.map { "<li>\($0.primary ? "<b>Primary</b>: " : "")\(escape($0.name))</li>" }.joined()
      + "</ul>\n"
    return html
  }

  /// Which subjects every table covers.
  var coverage: String {
    let scope = report.scope
    if let group = scope.group {
      let label = scope.groups.first.map { " (\($0.label))" } ?? ""
      return "Group \(group)\(label): every table covers this group's \(scope.subjects.count) subjects."
    }
    let groups = scope.groups.map(\.id)
    return groups.count > 1
      ? "All groups (\(groups.joined(separator: ", "))): \(scope.subjects.count) subjects."
      : "\(scope.subjects.count) subjects."
  }

  private func methodsSection() -> String {
    let scale = report.options.scale.rawValue
    let transplant = report.options.transplant.rawValue
    let interval = report.ncaInterval.label
    return """
      <h2>Methods</h2>
      <p>Times are days since infusion (day 0). Kaplan–Meier with Greenwood standard errors; 95% confidence
      intervals on the \(scale) scale; median CI by Brookmeyer–Crowley as R <code>survfit</code>.
      Exact (Clopper–Pearson) intervals for proportions. NCA with PKNCA 0.11.0 conventions
      (lin-up/log-down AUC, adjusted-R² λz rule); \(interval) extrapolated with λz after Tlast
      (\(escape(intervalSource))).
      Endpoint rules (ELIANA-style, Maude et al., NEJM 2018) are recalled defaults [R]: origin infusion;
      treatment failure dated day 0; DOR counts deaths due to disease only; HSCT: \(transplant).</p>
      """
  }

  /// Where the NCA interval comes from, in words.
  var intervalSource: String {
    let days = Format.number(report.ncaInterval.days.upperBound)
    switch report.ncaInterval.source {
    case .endpoint(let id, let assumption):
      return "interval 0–\(days) days from the protocol's kinetics endpoint \(id)"
        + (assumption.map { ", assumed: \($0)" } ?? "")
    case .defaultInterval:
      return "default interval 0–\(days) days: "
        + (report.trial == nil ? "no protocol given" : "the protocol's kinetics endpoint states no window")
    }
  }

  // MARK: - Helpers

  func escape(_ s: String) -> String { SVGElement.escape(s) }

  func table(header: [String], rows: [[String]]) -> String {
    "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
      + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
  }
}
