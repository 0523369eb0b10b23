import Analysis
import ArgumentParser
import Charts
import Foundation
import Inputs
import Reports

/// `cartrial km`: Kaplan–Meier estimates by group, medians with CIs, and the log-rank test.
struct KMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "km",
    abstract: "Kaplan–Meier survival by group with median (CI), S(t) and the log-rank test, as R survival.",
    discussion: """
      Times in days. Standard errors by Greenwood; pointwise CIs on the log scale by default
      (R survfit's default; --conf-type log-log gives lifelines' intervals). The median's CI is
      where the CI bands cross 0.5 (Brookmeyer–Crowley, as survfit). --format svg draws the curves
      with censor marks and numbers at risk.
      """)

  @Option(help: "CSV file, one row per subject.") var input: String
  @Option(help: "Column with the time to event or censoring (days).") var time: String
  @Option(help: "Column with the event indicator (1/0, true/false, yes/no; 0 = censored).") var event: String
  @Option(help: "Column with the group (omit for one group).") var group: String?
  @Option(help: "Report S(t) at these times (days), e.g. 180,365; default: at every event time.") var at:
    String?
  @Option(name: .customLong("conf-type"), help: "log (default, as R) or log-log.") var confType: String =
    "log"
  @Option(name: .customLong("conf-level"), help: "Confidence level.") var confLevel: Double = 0.95
  @OptionGroup var output: OutputOptions

  /// An optional that encodes as JSON `null` instead of being left out.
  struct Nullable<Wrapped: Encodable>: Encodable {
    var value: Wrapped?
    init(_ value: Wrapped?) { self.value = value }
    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      if let value { try container.encode(value) } else { try container.encodeNil() }
    }
  }

  struct SurvivalRow: Encodable {
    var time: Double
    var nRisk: Int
    var survival: Double
    /// se(S); null where R prints NaN (S = 0, where se(ln S) is infinite).
    var stdErr: Nullable<Double>
    var lower: Nullable<Double>
    var upper: Nullable<Double>
  }

  struct GroupSummary: Encodable {
    var name: String
    var n: Int
    var events: Int
    var median: Nullable<Double>
    var medianCI: [Nullable<Double>]
    var survival: [SurvivalRow]
  }

  struct LogRank: Encodable {
    var chisq: Double
    var df: Int
    var p: Double
  }

  struct Report: Encodable {
    var groups: [GroupSummary]
    var logrank: Nullable<LogRank>
  }

  func run() throws {
    try output.require([.text, .json, .svg])
    guard let scale = SurvivalConfidenceScale(rawValue: confType) else {
      throw ValidationError("--conf-type: expected log or log-log, found '\(confType)'")
    }
    guard confLevel > 0, confLevel < 1 else {
      throw ValidationError("--conf-level: expected a value in (0, 1), found \(confLevel)")
    }
    let times = try at.map { try Self.times($0) }
    let groups: [SurvivalGroup]
    do {
      groups = try InputFiles.table(input).survivalGroups(time: time, event: event, group: group)
    } catch let error as InputError {
      throw error.presented(options: ["time": "--time", "event": "--event", "group": "--group"])
    }
    let curves = groups.map { (name: $0.name, km: KaplanMeier($0.observations)) }
    var logrank: LogRank?
    if curves.count > 1 {
      let test = LogRankTest(groups: groups.map(\.observations))
      logrank = LogRank(chisq: test.chiSquared, df: test.degreesOfFreedom, p: test.pValue)
    }
    let report = Report(
      groups: curves.map { Self.summary($0.name, $0.km, at: times, level: confLevel, scale: scale) },
      logrank: Nullable(logrank))
    switch output.format {
    case .json: try Output.json(report)
    case .svg:
      let chart = KaplanMeierChart(
        title: "Kaplan–Meier: \(time)", curves: curves, ticks: times, xLabel: "\(time) (days)")
      print(chart.svg(), terminator: "")
    default: printText(report, scale: scale)
    }
  }

  static func times(_ text: String) throws -> [Double] {
    let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 0 }) else {
      throw ValidationError("--at: expected comma-separated times ≥ 0 in days, found '\(text)'")
    }
    return values.map { $0! }
  }

  static func summary(
    _ name: String, _ km: KaplanMeier, at times: [Double]?, level: Double, scale: SurvivalConfidenceScale
  ) -> GroupSummary {
    let median = km.median(level: level, scale: scale)
    func row(_ time: Double, _ step: KaplanMeier.Step?) -> SurvivalRow {
      let band = step.flatMap { km.confidenceInterval(for: $0, level: level, scale: scale) }
      let standardError = step?.standardError ?? 0
      return SurvivalRow(
        time: time, nRisk: km.atRisk(at: time), survival: step?.survival ?? 1,
        stdErr: Nullable(standardError.isFinite ? standardError : nil),
        lower: Nullable(step == nil ? 1 : band?.lower), upper: Nullable(step == nil ? 1 : band?.upper))
    }
    let rows = times.map { $0.map { row($0, km.step(at: $0)) } } ?? km.steps.map { row($0.time, $0) }
    return GroupSummary(
      name: name, n: km.count, events: km.eventCount, median: Nullable(median.estimate),
      medianCI: [Nullable(median.lower), Nullable(median.upper)], survival: rows)
  }

  func printText(_ report: Report, scale: SurvivalConfidenceScale) {
    let percent = TextTable.number(confLevel * 100)
    print(
      "Kaplan–Meier (\(time), event = \(event)); times in days; \(percent)% CIs on the \(scale.rawValue) scale, Greenwood SE."
    )
    var summary = TextTable(header: ["group", "n", "events", "median (d)", "\(percent)% CI (d)"])
    for g in report.groups {
      summary.add([
        g.name, String(g.n), String(g.events), TextTable.number(g.median.value),
        "\(TextTable.number(g.medianCI[0].value))–\(g.medianCI[1].value.map { TextTable.number($0) } ?? "NA")",
      ])
    }
    print(summary.render())
    for g in report.groups {
      print("\n\(g.name):")
      var table = TextTable(header: ["time (d)", "n.risk", "S(t)", "std.err", "lower", "upper"])
      for r in g.survival {
        table.add([
          TextTable.number(r.time), String(r.nRisk), TextTable.number(r.survival),
          TextTable.number(r.stdErr.value),
          TextTable.number(r.lower.value), TextTable.number(r.upper.value),
        ])
      }
      print(table.render())
    }
    if let lr = report.logrank.value {
      print("\nLog-rank: χ² = \(TextTable.number(lr.chisq)) on \(lr.df) df, p = \(TextTable.number(lr.p))")
    }
  }
}
