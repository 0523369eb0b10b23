import DoseFinding
import Foundation
import Simulation
import Trials

/// What the design page and the job page show of the application layer's answers: the design's
/// settings and notes, its decision table as an n × y grid, and operating characteristics as a
/// table and a chart. Only stored properties: mustache reads them by reflection.
struct DesignHeaderView {
  struct Setting {
    var name: String
    var value: String
    /// `assumption`, `override` or `default`: the note on the setting, in words (`nil`: none).
    var tag: String?
  }

  struct Note {
    var tag: String
    var text: String
  }

  var design: String
  var variant: String
  var source: String
  var levels: String
  var settings: [Setting]
  var notes: [Note]

  init(_ design: TrialDesign) {
    let header = DesignHeader(design)
    self.design = header.design
    variant = header.variant
    source = header.source
    levels = header.levels.map(String.init).joined(separator: ", ")
    func tag(_ setting: String) -> String? {
      header.notes.first { $0.setting == setting }?.kind.rawValue
    }
    let setup = design.setup
    settings = [
      Setting(name: "target", value: "\(setup.target)", tag: tag("target")),
      Setting(name: "cohortSize", value: "\(setup.cohortSize)", tag: tag("cohortSize")),
      Setting(
        name: "maxSampleSize", value: setup.maxSampleSize.map(String.init) ?? "none",
        tag: tag("maxSampleSize")),
      Setting(name: "startingLevel", value: "\(design.label(setup.startDose))", tag: tag("startingLevel")),
    ]
    notes = zip(header.notes, SettingNote.text(header.notes)).map { Note(tag: $0.kind.rawValue, text: $1) }
  }
}

/// A decision table as a grid: one row per n, one column per y, each cell the decision's code.
struct DecisionTableView {
  struct Row {
    var n: Int
    var cells: [String]
  }

  var maxN: Int
  var ys: [Int]
  var rows: [Row]
  var boundaries: String?

  init(_ table: TableAnswer) {
    maxN = table.maxN
    let ns = Array(Set(table.rows.map(\.n))).sorted()
    let ys = Array(0...(table.rows.map(\.y).max() ?? 0))
    var decisions: [Int: [Int: String]] = [:]
    for row in table.rows { decisions[row.n, default: [:]][row.y] = row.decision.rawValue }
    self.ys = ys
    rows = ns.map { n in Row(n: n, cells: ys.map { decisions[n]?[$0] ?? "" }) }
    boundaries = table.boundaries.map {
      "λe = " + String(format: "%.4f", $0.escalate) + ", λd = " + String(format: "%.4f", $0.deescalate)
    }
  }
}

/// Operating characteristics as a table per level, the summary figures and the chart.
struct OCResultView {
  struct Level {
    var level: Int
    var isTrueMTD: Bool
    var truth: String
    var selected: String
    var patients: String
    var dlts: String
  }

  struct Figure {
    var label: String
    var value: String
  }

  var method: String
  var target: String
  var trueMTD: Int
  var levels: [Level]
  var figures: [Figure]
  var chart: String
  /// For the rest of a trial under way: what it has done and is expected still to do.
  var fromToday: String?
  var notes: [String] = []

  init(_ answer: OperatingCharacteristicsAnswer, fromToday: ConditionalFigures? = nil, notes: [String] = []) {
    self.fromToday = fromToday?.summary
    self.notes = notes
    let oc = answer.characteristics
    let se = oc.standardErrors
    method =
      oc.method == .exact
      ? "exact"
      : "simulation of \(oc.trials ?? 0) trials, seed \(oc.seed ?? 0) (± Monte Carlo standard error)"
    target = "\(oc.target)"
    trueMTD = oc.trueMTD
    levels = oc.truth.indices.map { d in
      Level(
        level: oc.levels[d], isTrueMTD: oc.levels[d] == oc.trueMTD, truth: "\(oc.truth[d])",
        selected: OperatingCharacteristicsFigure.format(oc.selection[d], se?.selection[d], proportion: true),
        patients: OperatingCharacteristicsFigure.format(
          oc.meanPatients[d], se?.meanPatients[d], proportion: false),
        dlts: OperatingCharacteristicsFigure.format(oc.meanDLTs[d], se?.meanDLTs[d], proportion: false))
    }
    figures = oc.summaryFigures.map { Figure(label: $0.label, value: $0.formatted) }
    chart = oc.chart().svg()
  }
}
