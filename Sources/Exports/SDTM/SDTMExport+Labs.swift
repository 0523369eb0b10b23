import Assessment
import Foundation
import TrialConduct
import TrialModel

extension SDTMExport {
  /// LB (SDTMIG 3.4 §6.3.5.2): every laboratory result recorded after enrolment, one record per
  /// result, in the collected unit (`LBORRES`, `LBORRESU`) and in the standard unit
  /// (``standardUnit(_:)``: counts in 10⁹/L, haemoglobin and fibrinogen in g/L, bilirubin and
  /// creatinine in µmol/L, enzymes in U/L), with the reference range, `LBNRIND` against it, and the
  /// CTCAE v5.0 grade in `LBTOXGR`. `LBLOBXFL = Y` marks each test's last result before the
  /// first study treatment (SDTMIG 3.4 §4.5.9, the last observation before exposure: before
  /// lymphodepletion's first day, or the infusion day without it).
  public static func laboratory(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBTESTCD", "LBTEST", "LBCAT", "LBORRES", "LBORRESU",
      "LBORNRLO",
      "LBORNRHI", "LBSTRESC", "LBSTRESN", "LBSTRESU", "LBSTNRLO", "LBSTNRHI", "LBNRIND", "LBSTAT", "LBREASND",
      "LBSPEC", "LBLOBXFL", "LBTOXGR", "VISITNUM", "VISIT", "LBDTC", "LBDY",
    ]
    let grader = CTCAELabGrader()
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      let infusion = s.infusion?.date
      let results = s.assessments.compactMap { recorded -> (LabResult, Double?, CalendarDate?)? in
        guard let lab = recorded.entry.lab else { return nil }
        let (day, date) = timing(recorded.entry.day, recorded.entry.date, infusion: infusion)
        return (lab, day, date)
      }
      // The last result of each test before the first study treatment (lymphodepletion's first
      // day, else the infusion day), in days after infusion.
      let exposure = Double(
        infusion.flatMap { i in s.lymphodepletion.map { $0.date.days(since: i) } } ?? 0)
      var lastBefore: [LabTerm: Int] = [:]
      for (i, r) in results.enumerated() where (r.1 ?? 0) < exposure {
        if let j = lastBefore[r.0.term], (results[j].1 ?? 0) > (r.1 ?? 0) { continue }
        lastBefore[r.0.term] = i
      }
      for (i, (lab, day, date)) in results.enumerated() {
        let test = labTest(lab.term)
        let standard = standardized(lab)
        let indicator: String =
          if let lln = lab.lln, lab.value < lln {
            "LOW"
          } else if let uln = lab.uln, lab.value > uln {
            "HIGH"
          } else if lab.lln != nil || lab.uln != nil {
            "NORMAL"
          } else {
            ""
          }
        let grade = (try? grader.grade(lab)).map { String($0.grade) } ?? ""
        rows.append([
          state.trial, "LB", usubjid(state, s.id), String(i + 1), test.code, test.name, test.category,
          number(lab.value), lab.unit.map(cdiscUnit) ?? "", lab.lln.map(number) ?? "",
          lab.uln.map(number) ?? "",
          standard.value, standard.value, standard.unit, standard.low, standard.high,
          indicator, "", "", test.specimen, lastBefore[lab.term] == i ? "Y" : "", grade,
          day.map { visitNumber($0) } ?? "", day.map { visitName($0) } ?? "", date?.description ?? "",
          SDTMStudyDay.text(date, reference: infusion),
        ])
      }
    }
    return SDTMDataset(domain: "LB", variables: variables, rows: rows)
  }

  /// A result in its term's standard unit (``standardUnit(_:)``) with its reference range; as
  /// collected when there is no standard unit or the collected unit does not convert.
  static func standardized(_ lab: LabResult) -> (value: String, unit: String, low: String, high: String) {
    func text(_ x: Double?) -> String { x.map(number) ?? "" }
    guard let unit = lab.unit, let target = standardUnit(lab.term),
      let value = try? Quantity(lab.value, unit).converted(to: target, analyte: lab.term.analyte)
    else { return (number(lab.value), lab.unit.map(cdiscUnit) ?? "", text(lab.lln), text(lab.uln)) }
    func converted(_ x: Double?) -> String {
      guard let x, let q = try? Quantity(x, unit).converted(to: target, analyte: lab.term.analyte) else {
        return ""
      }
      return number(rounded(q.value))
    }
    return (number(rounded(value.value)), cdiscUnit(target), converted(lab.lln), converted(lab.uln))
  }

  /// The CDISC Laboratory Test Code, Test Name (CDISC Controlled Terminology, codelists C65047 and
  /// C67154), category and specimen of a term.
  static func labTest(_ term: LabTerm) -> (code: String, name: String, category: String, specimen: String) {
    switch term {
    case .neutrophils: ("NEUT", "Neutrophils", "HEMATOLOGY", "BLOOD")
    case .platelets: ("PLAT", "Platelets", "HEMATOLOGY", "BLOOD")
    case .whiteBloodCells: ("WBC", "Leukocytes", "HEMATOLOGY", "BLOOD")
    case .lymphocytes: ("LYM", "Lymphocytes", "HEMATOLOGY", "BLOOD")
    case .haemoglobin: ("HGB", "Hemoglobin", "HEMATOLOGY", "BLOOD")
    case .alanineAminotransferase: ("ALT", "Alanine Aminotransferase", "CHEMISTRY", "SERUM")
    case .aspartateAminotransferase: ("AST", "Aspartate Aminotransferase", "CHEMISTRY", "SERUM")
    case .bilirubin: ("BILI", "Bilirubin", "CHEMISTRY", "SERUM")
    case .creatinine: ("CREAT", "Creatinine", "CHEMISTRY", "SERUM")
    case .fibrinogen: ("FIBRINO", "Fibrinogen", "COAGULATION", "PLASMA")
    }
  }

  /// The standard (SI) unit of a term's `LBSTRESU`; `nil` for the enzymes (U/L as collected).
  static func standardUnit(_ term: LabTerm) -> MeasurementUnit? {
    switch term {
    case .neutrophils, .platelets, .whiteBloodCells, .lymphocytes: .gigaPerLitre
    case .haemoglobin, .fibrinogen: .gPerL
    case .bilirubin, .creatinine: .micromolPerL
    case .alanineAminotransferase, .aspartateAminotransferase: nil
    }
  }

  /// A unit as the CDISC UNIT codelist (C71620) writes it, in ASCII (`10^9/L`, `umol/L`).
  static func cdiscUnit(_ unit: MeasurementUnit) -> String {
    switch unit {
    case .gigaPerLitre: "10^9/L"
    case .micromolPerL: "umol/L"
    case .perMicrolitre: "/uL"
    case .squareMetre: "m2"
    case .mgPerSquareMetre: "mg/m2"
    case .timesULN: "xULN"
    case .celsius: "C"
    default: unit.rawValue
    }
  }

  /// A unit written by hand (`copies/µg gDNA`) in ASCII, as SDTM requires.
  static func asciiUnit(_ text: String) -> String {
    text.replacingOccurrences(of: "µ", with: "u").replacingOccurrences(of: "×", with: "x")
  }

  /// A day after infusion and the calendar date of an entry given by day or by date.
  static func timing(_ day: Double?, _ date: String?, infusion: CalendarDate?) -> (Double?, CalendarDate?) {
    if let day { return (day, infusion?.adding(days: Int(day.rounded(.down)))) }
    guard let text = date, let d = CalendarDate(iso: text) else { return (nil, nil) }
    return (infusion.map { Double(d.days(since: $0)) }, d)
  }

  /// The sponsor's visits (SDTMIG 3.4 §4.4.5): one per day after infusion, `VISITNUM` the day
  /// (day 0 the infusion), `VISIT` its name.
  static func visitNumber(_ day: Double) -> String { String(Int(day.rounded(.down))) }
  static func visitName(_ day: Double) -> String { "DAY \(Int(day.rounded(.down)))" }

  /// Six significant digits, enough for any converted laboratory value.
  static func rounded(_ x: Double) -> Double {
    guard x != 0, x.isFinite else { return x }
    let scale = pow(10, Double(5 - Int(floor(log10(abs(x))))))
    return (x * scale).rounded() / scale
  }
}
