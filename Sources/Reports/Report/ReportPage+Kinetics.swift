import Analysis
import Charts
import Foundation

/// The cellular-kinetics section: NCA per subject, summaries, the profile chart and the Stein
/// model fits.
extension ReportPage {
  func kineticsSection() -> String {
    guard !report.kinetics.isEmpty else { return "" }
    let results = report.kineticsResults()
    let auc = report.ncaInterval.label
    let rows = results.nca.map { subject -> [String] in
      guard let r = subject.result else { return [subject.subject, "—", "—", "—", "—", "—", "all BLQ"] }
      let window = r.terminalPhase.map { "\(Format.number($0.firstTime))–\(Format.number($0.lastTime))" }
      return [
        subject.subject, Format.number(r.cmax), Format.number(r.tmax), Format.number(r.aucInterval),
        Format.number(r.halfLife), Format.number(r.tlast), window ?? "—",
      ]
    }
    let tmax = results.tmax.map {
      "median \(Format.number($0.median)) [\(Format.number($0.minimum))–\(Format.number($0.maximum))]"
    }
    let summary = [
      ["Cmax", Self.geometric(results.cmax)], [auc, Self.geometric(results.aucInterval)],
      ["Tmax (d)", tmax ?? "—"],
    ]
    let profiles = report.kinetics.map { k in
      KineticsChart.Profile(
        subject: k.subject, points: zip(k.profile.times, k.profile.concentrations).map { Point($0, $1) })
    }
    let medians = results.medianProfile.map { Point($0.time, $0.concentration) }
    return "<h2>Cellular kinetics</h2>\n<p>Non-compartmental analysis; levels in the assay's unit "
      + "(e.g. copies/µg gDNA), times in days, AUC in unit·day; \(escape(intervalSource)).</p>\n"
      + table(
        header: ["Subject", "Cmax", "Tmax (d)", auc, "t½ (d)", "Tlast (d)", "λz window (d)"], rows: rows)
      + table(header: ["Parameter", "Summary"], rows: summary)
      + KineticsChart(title: "Transgene levels", profiles: profiles, median: medians).element().render()
      + modelSection(results.fits)
  }

  /// "geometric mean 1200 (CV 45.0%), n = 12"; "140, n = 1"; "—".
  static func geometric(_ summary: GeometricSummary?) -> String {
    guard let summary else { return "—" }
    guard let cv = summary.coefficientOfVariation else {
      return "\(Format.number(summary.geometricMean)), n = \(summary.count)"
    }
    return "geometric mean \(Format.number(summary.geometricMean)) "
      + "(CV \(String(format: "%.1f", cv * 100))%), n = \(summary.count)"
  }

  /// Stein 2019 model fits for subjects with enough measurable samples.
  private func modelSection(_ fits: [KineticsResults.SubjectFit]) -> String {
    let rows = fits.map { subject -> [String] in
      let fit = subject.fit
      let m = fit.model
      guard fit.standardErrors != nil else {
        let reason = fit.nonIdentifiability?.reason ?? "singular information matrix"
        return [subject.subject] + Array(repeating: "—", count: 7) + [
          "not identifiable from these samples: \(reason)"
        ]
      }
      return [
        subject.subject, Format.number(m.foldx), Format.number(m.tmax), Format.number(m.cmax),
        Format.number(log(2) / m.alpha), Format.number(log(2) / m.beta), Format.number(m.fb),
        Format.number(fit.residualSD), "",
      ]
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
