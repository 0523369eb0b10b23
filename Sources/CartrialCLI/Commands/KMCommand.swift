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

    let groups = try readGroups()
    let report = SurvivalSummary(groups, at: times, level: confLevel, scale: scale)
    switch output.format {
    case .json: SurvivalJSON.write(report)
    case .svg:
      let chart = KaplanMeierChart(
        title: "Kaplan–Meier: \(time)",
        curves: groups.map { (name: $0.name, km: KaplanMeier($0.observations)) }, ticks: times,
        xLabel: "\(time) (days)")
      print(chart.svg(), terminator: "")
    default: printText(report, scale: scale)
    }
  }

  /// The groups of the input: read in one pass from the file's bytes when it is plain, else through
  /// the general CSV reader, which also locates every error.
  func readGroups() throws -> [SurvivalGroup] {
    if let groups = SurvivalGroup.scan(
      csv: try InputFile.bytes(input), time: time, event: event, group: group)
    {
      return groups
    }
    do {
      return try InputFile.table(input).survivalGroups(time: time, event: event, group: group)
    } catch let error as InputError {
      throw CLIError.input(error, rename: ["time": "--time", "event": "--event", "group": "--group"])
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

  /// Curves with more event times than this print ``summaryRows`` of them in text.
  static let fullListingLimit = 50
  /// How many event times a long curve prints: every 5% of them, first and last included.
  static let summaryRows = 21

  /// The indices of the rows that text output prints: all when times were asked for (`listed`) or
  /// there are at most ``fullListingLimit``, else ``summaryRows`` evenly spaced over the event times.
  static func shownRows(_ count: Int, listed: Bool) -> [Int] {
    guard !listed, count > fullListingLimit else { return Array(0..<count) }
    let last = count - 1
    return (0..<summaryRows).map { ($0 * last + (summaryRows - 1) / 2) / (summaryRows - 1) }
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
      let shown = Self.shownRows(g.survival.count, listed: at != nil)
      var table = TextTable(header: ["time (d)", "n.risk", "S(t)", "std.err", "lower", "upper"])
      for index in shown {
        let r = g.survival[index]
        table.add([
          TextTable.number(r.time) + (r.note.value == nil ? "" : " *"), String(r.nRisk),
          TextTable.number(r.survival.value), TextTable.number(r.stdErr.value),
          TextTable.number(r.lower.value), TextTable.number(r.upper.value),
        ])
      }
      print(table.render())
      if shown.count < g.survival.count {
        print(
          "(S(t) at \(shown.count) of the \(g.survival.count) event times, every \(100 / (Self.summaryRows - 1))% of them "
            + "in order; --format json lists every one, --at T1,T2 gives S at chosen times.)")
      }
      for r in g.survival {
        if let note = r.note.value { print("* \(TextTable.number(r.time)): \(note)") }
      }
    }
    if let lr = report.logrank.value {
      print("\nLog-rank: χ² = \(TextTable.number(lr.chisq)) on \(lr.df) df, p = \(TextTable.number(lr.p))")
    }
  }
}
