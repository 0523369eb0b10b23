import Analysis
import Charts
import Foundation

/// The cellular-kinetics part of the report: NCA per subject, summaries, the Stein model fits and
/// the profile chart.
extension ReportPage {
  func kineticsSection() -> String {
    guard !kinetics.isEmpty else { return "" }
    var rows: [[String]] = []
    var cmax: [Double] = []
    var auc: [Double] = []
    var tmax: [Double] = []
    for (subject, profile) in kinetics {
      guard let r = try? profile.nonCompartmentalAnalysis(NCAOptions(interval: 0...28)) else {
        rows.append([subject, "—", "—", "—", "—", "—", "all BLQ"])
        continue
      }
      cmax.append(r.cmax)
      tmax.append(r.tmax)
      if let a = r.aucInterval { auc.append(a) }
      let window = r.terminalPhase.map {
        "\(TextTable.number($0.firstTime))–\(TextTable.number($0.lastTime))"
      }
      rows.append([
        subject, TextTable.number(r.cmax), TextTable.number(r.tmax), TextTable.number(r.aucInterval),
        TextTable.number(r.halfLife), TextTable.number(r.tlast), window ?? "—",
      ])
    }
    let tmaxSummary =
      tmax.isEmpty
      ? "—"
      : "median \(TextTable.number(median(tmax))) [\(TextTable.number(tmax.min()!))–\(TextTable.number(tmax.max()!))]"
    let summary = [
      ["Cmax", geometricSummary(cmax)], ["AUC0–28d", geometricSummary(auc)], ["Tmax (d)", tmaxSummary],
    ]
    let profiles = kinetics.map { subject, profile in
      KineticsChart.Profile(
        subject: subject, points: zip(profile.times, profile.concentrations).map { Point($0, $1) })
    }
    let times = Set(kinetics.flatMap(\.profile.times)).sorted()
    let medians = times.compactMap { t -> Point? in
      let values = kinetics.compactMap { k in
        k.profile.times.firstIndex(of: t).map { k.profile.concentrations[$0] }
      }
      let m = median(values)
      return values.count * 2 >= kinetics.count && m > 0 ? Point(t, m) : nil
    }
    return "<h2>Cellular kinetics</h2>\n<p>Non-compartmental analysis; levels in the assay's unit "
      + "(e.g. copies/µg gDNA), times in days, AUC in unit·day.</p>\n"
      + table(
        header: ["Subject", "Cmax", "Tmax (d)", "AUC0–28d", "t½ (d)", "Tlast (d)", "λz window (d)"],
        rows: rows)
      + table(header: ["Parameter", "Summary"], rows: summary)
      + KineticsChart(title: "Transgene levels", profiles: profiles, median: medians).element().render()
      + modelSection()
  }

  /// Stein 2019 model fits for subjects with enough measurable samples.
  private func modelSection() -> String {
    var rows: [[String]] = []
    for (subject, profile) in kinetics {
      guard let fit = try? SteinModelFit.fit(profile) else { continue }
      let m = fit.model
      guard fit.standardErrors != nil else {
        rows.append([subject] + Array(repeating: "—", count: 7) + ["not identifiable from these samples"])
        continue
      }
      rows.append([
        subject, TextTable.number(m.foldx), TextTable.number(m.tmax), TextTable.number(m.cmax),
        TextTable.number(log(2) / m.alpha), TextTable.number(log(2) / m.beta), TextTable.number(m.fb),
        TextTable.number(fit.residualSD), "",
      ])
    }
    guard !rows.isEmpty else { return "" }
    return "<h3>Expansion–contraction model (Stein 2019)</h3>\n"
      + "<p>Fitted per subject on the log scale (≥ 7 measurable samples); t½ in days.</p>\n"
      + table(
        header: [
          "Subject", "foldx", "Tmax (d)", "Cmax", "t½ contraction", "t½ persistence", "FB", "resid SD",
          "note",
        ],
        rows: rows)
  }
}
