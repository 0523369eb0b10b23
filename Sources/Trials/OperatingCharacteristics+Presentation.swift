import Charts
import Foundation
import Simulation

/// One summary figure of operating characteristics, as every shell lists it: its label, the value,
/// its Monte Carlo standard error (simulations only) and whether it is a proportion.
public struct OperatingCharacteristicsFigure: Sendable, Hashable {
  public var label: String
  public var value: Double
  public var standardError: Double?
  /// A proportion (shown as a percentage), else a count of patients or DLTs.
  public var isProportion: Bool

  /// `12.3% ± 0.45` or `14.20 ± 0.031`: the value, and its standard error when there is one.
  public var formatted: String { Self.format(value, standardError, proportion: isProportion) }

  /// A proportion as a percentage with one decimal (its standard error with two), a count with two
  /// decimals (its standard error with three).
  public static func format(_ x: Double, _ se: Double?, proportion: Bool) -> String {
    let scale = proportion ? 100.0 : 1.0
    let digits = proportion ? 1 : 2
    var s = String(format: "%.\(digits)f", x * scale) + (proportion ? "%" : "")
    if let se { s += " ± " + String(format: "%.\(digits + 1)f", se * scale) }
    return s
  }
}

extension OperatingCharacteristics {
  /// The summary figures, in the order `oc` prints them.
  public var summaryFigures: [OperatingCharacteristicsFigure] {
    let se = standardErrors
    func figure(_ label: String, _ value: Double, _ error: Double?, _ proportion: Bool)
      -> OperatingCharacteristicsFigure
    {
      OperatingCharacteristicsFigure(
        label: label, value: value, standardError: error, isProportion: proportion)
    }
    return [
      figure("no MTD selected", noSelection, se?.noSelection, true),
      figure("correct selection", correctSelection, se?.correctSelection, true),
      figure("selection above the true MTD", selectionAboveMTD, se?.selectionAboveMTD, true),
      figure("share of patients above the true MTD", patientsAboveMTD, se?.patientsAboveMTD, true),
      figure("expected sample size", meanSampleSize, se?.meanSampleSize, false),
      figure("expected DLTs", meanTotalDLTs, se?.meanTotalDLTs, false),
      figure("early stop (before the maximum sample size)", earlyStop, se?.earlyStop, true),
      figure("stop because the lowest dose is too toxic", stopForToxicity, se?.stopForToxicity, true),
    ]
  }

  /// Selection and allocation bars per dose, the true MTD outlined: the chart of `oc --format svg`
  /// and of the server's design page.
  public func chart() -> OperatingCharacteristicsChart {
    let total = max(meanSampleSize, 1e-12)
    return OperatingCharacteristicsChart(
      title: "\(variant): truth \(truth.map { String($0) }.joined(separator: ", "))",
      doseLabels: levels.map { "level \($0)" },
      series: [
        .init(name: "Selected as MTD", values: selection),
        .init(name: "Share of patients", values: meanPatients.map { $0 / total }),
      ],
      trueMTD: trueMTDIndex)
  }
}

/// What operating characteristics cost, for the shells to warn about (the CLI) or to refuse
/// (the server). The figures are the ones measured in BENCHMARKS.md.
public enum OperatingCharacteristicsCost {
  /// Exact enumerations above this many patients take long (their states grow 1.5–2× per cohort).
  public static let largeExactSampleSize = 45
  /// Simulations of more patient outcomes in all than this take long.
  public static let largeSimulationPatients = 20_000_000

  /// The patient outcomes a simulation of `trials` trials of up to `maxSampleSize` patients draws.
  public static func simulatedPatients(trials: Int, maxSampleSize: Int) -> Double {
    Double(trials) * Double(maxSampleSize)
  }
}
