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
  @Option(help: "Report S(t) at these times (days), e.g. 180,365; default: at every event time.")
  var at: ListArgument<Double>?
  @Option(name: .customLong("conf-type"), help: "log (default, as R) or log-log.") var confType: String =
    "log"
  @Option(name: .customLong("conf-level"), help: "Confidence level.") var confLevel: Double = 0.95
  @OptionGroup var output: OutputOptions

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
      groups = try InputFile.table(input).survivalGroups(time: time, event: event, group: group)
    } catch let error as InputError {
      throw CLIError.input(error, rename: ["time": "--time", "event": "--event", "group": "--group"])
    }
    let report = SurvivalSummary(groups, at: times, level: confLevel, scale: scale)
    switch output.format {
    case .json: try Output.json(report)
    case .svg:
      let chart = KaplanMeierChart(
        title: "Kaplan–Meier: \(time)",
        curves: groups.map { (name: $0.name, km: KaplanMeier($0.observations)) }, ticks: times,
        xLabel: "\(time) (days)")
      print(chart.svg(), terminator: "")
    default: printText(report, scale: scale)
    }
  }

  /// The report times: numbers ≥ 0 (days).
  static func times(_ argument: ListArgument<Double>) throws -> [Double] {
    let values = try argument.values(option: "--at")
    guard values.allSatisfy({ $0 >= 0 }) else {
      throw ValidationError("--at: expected comma-separated times ≥ 0 in days, found '\(argument.text)'")
    }
    return values
  }

  func printText(_ report: SurvivalSummary, scale: SurvivalConfidenceScale) {
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
