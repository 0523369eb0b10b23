import Analysis
import Reports
import TrialConduct
import TrialModel

extension SDTMExport {
  /// The CAR transgene measured in blood (qPCR of CAR DNA, or flow): the analyte of PC and PP.
  static let analyte = (code: "CARTG", name: "CAR Transgene", specimen: "BLOOD")

  /// PC (SDTMIG 3.4 §6.3.10.1): every cellular-kinetics sample, its time after the infusion as
  /// an elapsed time (`PCELTM`, ISO 8601 duration) from the reference `PCRFTDTC`; a sample below
  /// the lower limit of quantification has `PCORRES = <LLOQ` and no numeric result.
  public static func concentrations(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "PCSEQ", "PCTESTCD", "PCTEST", "PCCAT", "PCORRES", "PCORRESU",
      "PCSTRESC",
      "PCSTRESN", "PCSTRESU", "PCSTAT", "PCREASND", "PCSPEC", "PCLLOQ", "VISITNUM", "VISIT", "PCDTC", "PCDY",
      "PCTPTREF", "PCELTM", "PCRFTDTC",
    ]
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      guard let infusion = s.infusion?.date else { continue }
      for (i, sample) in s.kinetics.sorted(by: { $0.day < $1.day }).enumerated() {
        let date = infusion.adding(days: Int(sample.day.rounded(.down)))
        let result = sample.belowLLOQ ? "<LLOQ" : (sample.value.map(number) ?? "")
        rows.append([
          state.trial, "PC", usubjid(state, s.id), String(i + 1), analyte.code, analyte.name,
          "CELLULAR KINETICS",
          result, asciiUnit(sample.unit), result, sample.belowLLOQ ? "" : (sample.value.map(number) ?? ""),
          asciiUnit(sample.unit), "", "", analyte.specimen, "", visitNumber(sample.day),
          visitName(sample.day),
          date.description, SDTMStudyDay.text(date, reference: infusion), "CAR-T INFUSION",
          elapsed(sample.day), infusion.description,
        ])
      }
    }
    return SDTMDataset(domain: "PC", variables: variables, rows: rows)
  }

  /// PP (SDTMIG 3.4 §6.3.10.2): each subject's non-compartmental parameters (CDISC PKPARMCD
  /// codes), computed as the report computes them (``KineticsResults``: PKNCA defaults, BLQ as 0,
  /// the partial AUC over the protocol's kinetics window, ``NCAInterval``).
  public static func parameters(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "PPSEQ", "PPTESTCD", "PPTEST", "PPCAT", "PPORRES", "PPORRESU",
      "PPSTRESC",
      "PPSTRESN", "PPSTRESU", "PPSTAT", "PPREASND", "PPSPEC", "PPSTINT", "PPENINT", "PPRFTDTC",
    ]
    let interval = NCAInterval(trial: state.protocolInForce)
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      guard let infusion = s.infusion?.date else { continue }
      let samples = s.kinetics.sorted { $0.day < $1.day }
      // One profile needs one unit: a subject whose samples mix units has no parameters.
      guard samples.count >= 2, Set(samples.map(\.unit)).count == 1,
        let unit = samples.first.map({ asciiUnit($0.unit) }),
        let profile = try? ConcentrationProfile(
          times: samples.map(\.day), concentrations: samples.map { $0.value ?? 0 }),
        let nca = try? profile.nonCompartmentalAnalysis(NCAOptions(interval: interval.days))
      else { continue }
      let auc = "day*\(unit)"
      var parameters: [(String, String, Double?, String, String, String)] = [
        ("CMAX", "Max Conc", nca.cmax, unit, "", ""),
        ("TMAX", "Time of CMAX", nca.tmax, "day", "", ""),
        ("CLST", "Last Nonzero Conc", nca.clast, unit, "", ""),
        ("TLST", "Time of Last Nonzero Conc", nca.tlast, "day", "", ""),
        ("AUCLST", "AUC to Last Nonzero Conc", nca.auclast, auc, "", ""),
        (
          "AUCINT", "AUC from T1 to T2", nca.aucInterval, auc, elapsed(interval.days.lowerBound),
          elapsed(interval.days.upperBound)
        ),
      ]
      parameters += [
        ("LAMZ", "Lambda z", nca.lambdaZ, "/day", "", ""),
        ("LAMZHL", "Half-Life Lambda z", nca.halfLife, "day", "", ""),
        ("AUCIFO", "AUC Infinity Obs", nca.aucinfObserved, auc, "", ""),
        ("AUCPEO", "AUC %Extrapolation Obs", nca.percentExtrapolated, "%", "", ""),
      ]
      for (i, p) in parameters.enumerated() {
        let value = p.2.map { number(rounded($0)) } ?? ""
        rows.append([
          state.trial, "PP", usubjid(state, s.id), String(i + 1), p.0, p.1, "CELLULAR KINETICS", value, p.3,
          value,
          value, p.3, p.2 == nil ? "NOT DONE" : "",
          p.2 == nil
            ? (p.0 == "AUCINT"
              ? "the samples do not cover the interval" : "no terminal phase meeting the NCA criteria") : "",
          analyte.specimen, p.4, p.5, infusion.description,
        ])
      }
    }
    return SDTMDataset(domain: "PP", variables: variables, rows: rows)
  }

  /// Days after the infusion as an ISO 8601 duration, to the hour: `P7D`, `PT6H`, `P1DT12H`,
  /// and before it `-P1D` (ISO 8601-2 negative durations, as SDTMIG writes them).
  static func elapsed(_ days: Double) -> String {
    let totalHours = Int((abs(days) * 24).rounded())
    let (whole, hours) = (totalHours / 24, totalHours % 24)
    let sign = days < 0 && totalHours > 0 ? "-" : ""
    switch (whole, hours) {
    case (_, 0): return "\(sign)P\(whole)D"
    case (0, _): return "\(sign)PT\(hours)H"
    default: return "\(sign)P\(whole)DT\(hours)H"
    }
  }
}
