import Analysis
import ArgumentParser
import Inputs
import Reports

/// `cartrial nca`: non-compartmental analysis of concentration–time profiles (PKNCA conventions).
struct NCACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nca",
    abstract:
      "Non-compartmental analysis per subject (Cmax, Tmax, AUC, λz, t½) with PKNCA 0.11.0 conventions.",
    discussion: """
      Input columns: subject,time,conc (time in days since infusion; other columns are ignored).
      λz, t½ and AUCinf use the whole profile (PKNCA's 0–∞ interval); aucInterval covers --interval,
      interpolating inside the data and extrapolating after Tlast by Clast·exp(−λz·Δt).
      BLQ values (0, or below --lloq): by default first and last kept as 0, middle ones dropped (--blq).
      """)

  @Option(help: "CSV file with columns subject,time,conc.") var input: String
  @Option(help: "Partial-AUC interval START,END in days; END may be inf (AUC0–∞, as PKNCA's end = Inf).")
  var interval = ListArgument<Double>(argument: "0,28")
  @Option(name: .customLong("auc-method"), help: "lin-up-log-down (default), linear or lin-log.")
  var aucMethod: String = AUCMethod.linUpLogDown.rawValue
  @Option(help: "Lower limit of quantification: values below it are BLQ.") var lloq: Double?
  @Option(help: "BLQ handling FIRST,MIDDLE,LAST, each keep (as 0) or drop; PKNCA default keep,drop,keep.")
  var blq = ListArgument<BLQAction>(argument: "keep,drop,keep")
  @Option(
    name: .customLong("lambda-z-window"),
    help:
      "Fix the λz window to FROM,TO days instead of PKNCA's adjusted-R² rule (e.g. the contraction phase).")
  var lambdaZWindow: ListArgument<Double>?
  @OptionGroup var output: OutputOptions

  func options() throws -> NCAOptions {
    guard let method = AUCMethod(rawValue: aucMethod) else {
      throw ValidationError(
        "--auc-method: expected one of \(AUCMethod.allCases.map(\.rawValue).joined(separator: ", ")), found '\(aucMethod)'"
      )
    }
    if let lloq, !(lloq.isFinite && lloq > 0) {
      throw ValidationError("--lloq: expected a positive number in the concentration unit, found \(lloq)")
    }
    var options = NCAOptions(
      aucMethod: method, lloq: lloq, interval: try Self.interval(interval))
    let actions = try blq.values(option: "--blq")
    guard actions.count == 3 else {
      throw ValidationError("--blq: expected FIRST,MIDDLE,LAST each keep or drop, found '\(blq.text)'")
    }
    options.blq = BLQHandling(first: actions[0], middle: actions[1], last: actions[2])
    if let window = lambdaZWindow {
      let range = try Self.range(window, option: "--lambda-z-window")
      options.terminalPhase = .fixed(from: range.lowerBound, to: range.upperBound)
    }
    return options
  }

  /// `--interval START,END`, where END may be `inf` (or `∞`): the AUC to infinity.
  static func interval(_ argument: ListArgument<Double>) throws -> ClosedRange<Double> {
    let parts = argument.text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2,
      ["inf", "infinity", "∞"].contains(parts[1].filter { $0 != " " }.lowercased())
    else { return try range(argument, option: "--interval") }
    let start = try ListArgument<Double>(argument: String(parts[0])).values(option: "--interval")[0]
    guard start >= 0 else {
      throw ValidationError(
        "--interval: expected START,END in days with 0 ≤ START < END, found '\(argument.text)'")
    }
    return start...Double.infinity
  }

  /// "START,END" (days, 0 ≤ START < END).
  static func range(_ argument: ListArgument<Double>, option: String) throws -> ClosedRange<Double> {
    let parts = try argument.values(option: option)
    guard parts.count == 2, parts[0] >= 0, parts[0] < parts[1] else {
      throw ValidationError(
        "\(option): expected START,END in days with 0 ≤ START < END, found '\(argument.text)'")
    }
    return parts[0]...parts[1]
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let options = try options()
    let profiles = try InputFile.profiles(input)
    let rows = try profiles.map { profile in
      let subject = profile.subject
      do {
        return NCASubjectResult(
          subject: subject, result: try profile.profile.nonCompartmentalAnalysis(options))
      } catch {
        throw CLIError("\(input): subject \(subject): \(error)")
      }
    }
    switch output.format {
    case .json: try Output.json(rows)
    case .csv:
      Output.csv(header: NCASubjectResult.csvKeys, rows: rows.map(\.csvFields))
    default: printText(rows, options: options)
    }
  }

  func printText(_ rows: [NCASubjectResult], options: NCAOptions) {
    let interval = options.interval!
    print("NCA (\(options.aucMethod.rawValue)); times in days, AUC in concentration·day, λz in 1/day.")
    print(
      "\(NCAInterval.label(interval)) over --interval; "
        + "λz window: \(lambdaZWindow.map { "fixed \($0) days" } ?? "PKNCA adjusted-R² rule").")
    var table = TextTable(header: [
      "subject", "Cmax", "Tmax (d)", "AUClast", "AUC interval", "λz (1/d)", "t½ (d)", "λz window (d)",
      "AUCinf,obs",
      "%extrap", "Tlast (d)", "Clast", "flags",
    ])
    for row in rows {
      let r = row.result
      let window = r.terminalPhase.map {
        "\(TextTable.number($0.firstTime))–\(TextTable.number($0.lastTime)) (n=\($0.pointCount))"
      }
      table.add([
        row.subject, TextTable.number(r.cmax), TextTable.number(r.tmax), TextTable.number(r.auclast),
        TextTable.number(r.aucInterval), TextTable.number(r.lambdaZ), TextTable.number(r.halfLife),
        window ?? "—",
        TextTable.number(r.aucinfObserved), TextTable.number(r.percentExtrapolated),
        TextTable.number(r.tlast),
        TextTable.number(r.clast), r.qualityFlags().joined(separator: "; "),
      ])
    }
    print(table.render())
    if lambdaZWindow != nil {
      print(
        "note: with a fixed λz window, t½ and AUCinf describe that phase (AUCinf extrapolates Clast at Tlast)."
      )
    }
    print("flags: PKNCA acceptance thresholds (R² ≥ 0.9, span ratio ≥ 2, AUC extrapolated ≤ 20%).")
  }
}
