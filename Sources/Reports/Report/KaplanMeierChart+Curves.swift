import Analysis
import Charts

extension KaplanMeierChart {
  /// The chart of Kaplan–Meier `curves`, with numbers at risk at `ticks` (or at even steps).
  public init(
    title: String, curves: [(name: String, km: KaplanMeier)], ticks: [Double]?, xLabel: String = "Days"
  ) {
    let maxTime = curves.flatMap { $0.km.steps.map(\.time) + $0.km.censorTimes }.max() ?? 1
    let step = LinearScale.niceStep(maxTime)
    let atRiskTimes = ticks ?? stride(from: 0, through: maxTime, by: step).map { $0 }
    self.init(
      title: title,
      curves: curves.map { name, km in
        KaplanMeierChart.Curve(
          name: name, steps: km.steps.map { Point($0.time, $0.survival) }, censorTimes: km.censorTimes,
          atRisk: atRiskTimes.map { km.atRisk(at: $0) })
      }, atRiskTimes: atRiskTimes, xLabel: xLabel)
  }
}
