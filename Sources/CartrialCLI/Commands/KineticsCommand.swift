import Analysis
import ArgumentParser
import Foundation
import Inputs
import Reports

/// `cartrial kinetics`: model-based cellular kinetics.
struct KineticsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kinetics",
    abstract: "Model-based CAR-T cellular kinetics.",
    subcommands: [Fit.self])

  /// `cartrial kinetics fit`: the Stein 2019 expansion–contraction model per subject.
  struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fit",
      abstract:
        "Fit the Stein 2019 expansion–contraction model to each subject (log scale, Levenberg–Marquardt).",
      discussion: """
        Input columns: subject,time,conc (time in days since infusion, conc > 0; BLQ = 0 is left out).
        C(t) = Cmax/foldx·e^{ρt} before Tmax (ρ = ln foldx/Tmax), then
        (1−FB)·Cmax·e^{−α(t−Tmax)} + FB·Cmax·e^{−β(t−Tmax)}. Needs ≥ 7 measurable samples.
        Standard errors are asymptotic (σ̂²(JᵀJ)⁻¹, delta method).
        """)

    @Option(help: "CSV file with columns subject,time,conc.") var input: String
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      let profiles = try InputFile.profiles(input)
      let rows = try profiles.map { profile in
        let subject = profile.subject
        let fit: SteinModelFit
        do {
          fit = try SteinModelFit.fit(profile.profile)
        } catch {
          throw CLIError("\(input): subject \(subject): \(error)")
        }
        return SteinFitSummary(subject: subject, fit: fit)
      }
      if output.format == .json {
        try Output.json(rows)
        return
      }
      print("Stein 2019 model per subject; times in days, rates in 1/day, levels in the input's unit.")
      print("Estimates ± asymptotic SE; t½α = ln2/α (contraction), t½β = ln2/β (persistence).")
      var table = TextTable(header: [
        "subject", "n", "foldx", "Tmax (d)", "Cmax", "α (1/d)", "β (1/d)", "FB", "t½α (d)", "t½β (d)",
        "AUC0–28d", "resid SD",
      ])
      func cell(_ value: Double, _ se: Double?) -> String {
        TextTable.number(value) + (se.map { " ± " + TextTable.number($0) } ?? "")
      }
      for r in rows {
        let p = r.parameters
        let se = r.standardErrors.value
        table.add([
          r.subject, String(r.points), cell(p.foldx, se?.foldx), cell(p.tmax, se?.tmax),
          cell(p.cmax, se?.cmax),
          cell(p.alpha, se?.alpha), cell(p.beta, se?.beta), cell(p.fb, se?.fb),
          TextTable.number(r.contractionHalfLife),
          TextTable.number(r.persistenceHalfLife), TextTable.number(r.auc0to28),
          TextTable.number(r.residualSD) + (r.converged ? "" : " (not converged)"),
        ])
      }
      print(table.render())
      if rows.contains(where: { $0.standardErrors.value == nil }) {
        print("Rows without ± have a singular information matrix: some parameter (often β or FB when few")
        print(
          "samples follow the contraction) is not identifiable from these samples; treat it with caution.")
      }
    }
  }
}
