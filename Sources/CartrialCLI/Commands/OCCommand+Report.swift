import Charts
import Foundation
import Simulation
import TrialModel
import Trials

/// Text, JSON and SVG output of `cartrial oc`.
enum OCReport {
  /// One result: a JSON object; several: a JSON array (one element per `--truth`).
  static func print(
    _ results: [OperatingCharacteristicsAnswer], design: TrialDesign, format: OutputFormat
  ) throws {
    switch format {
    case .json:
      if results.count == 1 { try Output.json(results[0]) } else { try Output.json(results) }
    case .svg:
      CartrialCLI.print(results[0].characteristics.chart().svg())
    default:
      for (index, answer) in results.enumerated() {
        if index > 0 { CartrialCLI.print("") }
        CartrialCLI.print(text(answer.characteristics), terminator: "")
      }
      for note in design.textNotes { CartrialCLI.print("[\(note)]") }
    }
  }

  /// Conditional results: what the trial has done and is expected still to do, then the figures.
  static func printConditional(
    _ results: [(OperatingCharacteristicsAnswer, ConditionalFigures)], notes: [String], format: OutputFormat
  ) throws {
    if format == .json {
      struct Answer: Encodable {
        var fromState: ConditionalFigures
        var characteristics: OperatingCharacteristicsAnswer
      }
      let answers = results.map { Answer(fromState: $0.1, characteristics: $0.0) }
      return answers.count == 1 ? try Output.json(answers[0]) : try Output.json(answers)
    }
    for (index, (answer, figures)) in results.enumerated() {
      if index > 0 { CartrialCLI.print("") }
      CartrialCLI.print(figures.summary)
      CartrialCLI.print(text(answer.characteristics), terminator: "")
    }
    for note in notes { CartrialCLI.print("[\(note)]") }
  }

  /// Per-group results of a multi-group protocol.
  static func print(_ results: [ProtocolOperatingCharacteristics], format: OutputFormat) throws {
    if format == .json {
      if results.count == 1 { try Output.json(results[0]) } else { try Output.json(results) }
      return
    }
    for (index, result) in results.enumerated() {
      if index > 0 { CartrialCLI.print("") }
      for group in result.groups {
        CartrialCLI.print("== \(result.protocol) group \(group.group): \(group.label) ==")
        if let rule = group.opensWhen {
          CartrialCLI.print(
            "opens after group \(rule.afterGroup) clears level \(rule.clearedLevel): probability "
              + value(group.openingProbability, group.openingProbabilityStandardError, percent: true))
        }
        CartrialCLI.print(
          "expected patients (0 if never opened): "
            + value(group.expectedPatients, group.expectedPatientsStandardError, percent: false))
        CartrialCLI.print("given that the group opens:")
        CartrialCLI.print(text(group.characteristics), terminator: "")
        for note in SettingNote.text(group.header.notes) {
          CartrialCLI.print("[group \(group.group): \(note)]")
        }
      }
    }
  }

  static func value(_ x: Double, _ se: Double?, percent: Bool) -> String {
    OperatingCharacteristicsFigure.format(x, se, proportion: percent)
  }

  /// A table per dose and the summary figures; simulated figures carry "± SE".
  static func text(_ oc: OperatingCharacteristics) -> String {
    let se = oc.standardErrors
    let levels = oc.levels
    var lines: [String] = []
    let method =
      oc.method == .exact
      ? "exact" : "simulation of \(oc.trials ?? 0) trials, seed \(oc.seed ?? 0) (± Monte Carlo SE)"
    lines.append("\(oc.variant) — \(method)")
    lines.append(
      "target \(oc.target); true MTD: level \(oc.trueMTD) "
        + "(true DLT rate closest to the target; ties go to the lower dose)")
    lines.append("level  truth   selected          patients       DLTs")
    for d in oc.truth.indices {
      let columns = [
        String(levels[d]).leftPadded(5), String(format: "%.3f", oc.truth[d]).leftPadded(6),
        value(oc.selection[d], se?.selection[d], percent: true).leftPadded(16),
        value(oc.meanPatients[d], se?.meanPatients[d], percent: false).leftPadded(13),
        value(oc.meanDLTs[d], se?.meanDLTs[d], percent: false).leftPadded(13),
      ]
      lines.append(columns.joined(separator: "  "))
    }
    for f in oc.summaryFigures {
      lines.append("\(f.label): \(f.formatted)")
    }
    let sizes = oc.sampleSizeDistribution.filter { $0.probability >= 0.0005 }
      .map { "\($0.patients): " + String(format: "%.1f%%", $0.probability * 100) }
    lines.append("sample size distribution: " + sizes.joined(separator: ", "))
    if let total = oc.totalProbability {
      lines.append("total probability of finished trials: \(total)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
