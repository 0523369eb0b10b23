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
        Standard errors are asymptotic (σ̂²(JᵀJ)⁻¹, delta method). A parameter the samples do not
        determine (singular information matrix) is reported as not identifiable, with the reason.
        A progress bar is shown on standard error when it is a terminal.
        """)

    @Option(help: "CSV file with columns subject,time,conc.") var input: String
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json, .csv])
      let rows = try Self.fits(try InputFile.profiles(input), file: input)
      switch output.format {
      case .json: try Output.json(rows)
      case .csv: Output.csv(header: SteinFitSummary.csvKeys, rows: rows.map(\.csvFields))
      default: printText(rows)
      }
    }

    /// Fits every profile, on every core (each fit is independent; the rows keep the input's
    /// order), with a progress bar on a terminal. The first subject that cannot be fitted, in
    /// input order, is the error.
    static func fits(_ profiles: [KineticProfile], file: String) throws -> [SteinFitSummary] {
      let bar = ProgressBar(total: profiles.count, unit: "subjects")
      defer { bar.finish() }
      let results = ScreeningStream.orderedParallelMap(profiles) { profile in
        defer { bar.advance() }
        return Result { () throws(CLIError) -> SteinFitSummary in
          do {
            return SteinFitSummary(subject: profile.subject, fit: try SteinModelFit.fit(profile.profile))
          } catch {
            throw CLIError("\(file): subject \(profile.subject): \(error)")
          }
        }
      }
      return try results.map { try $0.get() }
    }

    func printText(_ rows: [SteinFitSummary]) {
      print("Stein 2019 model per subject; times in days, rates in 1/day, levels in the input's unit.")
      print("Estimates ± asymptotic SE; t½α = ln2/α (contraction), t½β = ln2/β (persistence).")
      var table = TextTable(header: [
        "subject", "n", "foldx", "Tmax (d)", "Cmax", "α (1/d)", "β (1/d)", "FB", "t½α (d)", "t½β (d)",
        "AUC0–28d", "resid SD",
      ])
      /// A parameter or derived value; "n.i." (not identifiable) where it is null.
      func cell(_ value: Double?, _ se: Double? = nil) -> String {
        guard let value else { return "n.i." }
        return TextTable.number(value) + (se.map { " ± " + TextTable.number($0) } ?? "")
      }
      for r in rows {
        let p = r.parameters
        let se = r.standardErrors.value
        table.add([
          r.subject, String(r.points), cell(p.foldx.value, se?.foldx.value),
          cell(p.tmax.value, se?.tmax.value),
          cell(p.cmax.value, se?.cmax.value), cell(p.alpha.value, se?.alpha.value),
          cell(p.beta.value, se?.beta.value), cell(p.fb.value, se?.fb.value),
          cell(r.contractionHalfLife.value), cell(r.persistenceHalfLife.value), TextTable.number(r.auc0to28),
          TextTable.number(r.residualSD) + (r.converged ? "" : " (not converged)"),
        ])
      }
      print(table.render())
      let unidentified = rows.filter { !$0.identifiable }
      guard !unidentified.isEmpty else { return }
      print(
        "\(unidentified.count) of \(rows.count) subjects are not identifiable from their samples (rows without ±; "
          + "n.i. = not identifiable, not reported):")
      for r in unidentified {
        print("  \(r.subject): \(r.notIdentifiable.value?.reason ?? "singular information matrix")")
      }
    }
  }
}
