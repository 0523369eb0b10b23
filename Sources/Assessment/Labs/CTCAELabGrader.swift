import Inputs
import TrialModel

/// Grades laboratory values by CTCAE v5.0 (NCI, 27 Nov 2017), with the reading conventions of
/// CDISC admiral's `derive_var_atoxgr_dir`: "<A–B" means B ≤ value < A,
/// criteria are checked from grade 4 down, and the first grade that matches is assigned.
///
/// Ratio criteria (× ULN, × baseline) are evaluated in the reported unit; absolute cut-offs are
/// compared after converting the value to the unit CTCAE uses (/µL, g/dL, mg/dL).
///
/// A value (or a limit or baseline) that is not physiologically plausible for the term in its unit
/// is refused (``PlausibleRanges``) before any grade is given: a µmol/L creatinine typed as mg/dL
/// would otherwise be graded 4. Values in ×ULN, and ALT/AST given without a unit, are checked
/// against nothing but being non-negative.
public struct CTCAELabGrader: Sendable {
  /// The plausibility ranges values are checked against.
  public var ranges: PlausibleRanges

  public init(ranges: PlausibleRanges = .standard) {
    self.ranges = ranges
  }

  public static let system = "CTCAE v5.0"

  /// The grade of one lab result with the criterion that decided it.
  public func grade(_ result: LabResult) throws(InputError) -> GradeResult {
    try Check.nonNegative(result.value, field: "value")
    for (name, limit) in [("lln", result.lln), ("uln", result.uln), ("baseline", result.baseline)] {
      if let limit { try Check.nonNegative(limit, field: name) }
    }
    if let unit = result.unit {
      let values = [
        ("value", result.value), ("lln", result.lln), ("uln", result.uln), ("baseline", result.baseline),
      ]
      for case (let name, let value?) in values {
        try ranges.check(result.term.plausible, value, unit: unit, field: name)
      }
    }
    var (grade, reasons) = try grade(term: result.term, result)
    reasons[0] = "\(result.term.ctcaeTerm): " + reasons[0]
    return GradeResult(grade: grade, system: Self.system, reasons: reasons)
  }

  private func grade(term: LabTerm, _ r: LabResult) throws(InputError) -> (Int, [String]) {
    switch term {
    case .neutrophils: try decreasedCount(r, cuts: [1500, 1000, 500])
    case .platelets: try decreasedCount(r, cuts: [75_000, 50_000, 25_000])
    case .whiteBloodCells: try decreasedCount(r, cuts: [3000, 2000, 1000])
    case .lymphocytes: try decreasedCount(r, cuts: [800, 500, 200])
    case .haemoglobin: try anaemia(r)
    case .alanineAminotransferase, .aspartateAminotransferase:
      try increased(
        r, ulnCuts: [3, 5, 20], baselineGrade1: (1.5, inclusive: true), baselineCuts: [3, 5, 20])
    case .bilirubin:
      try increased(
        r, ulnCuts: [1.5, 3, 10], baselineGrade1: (1.0, inclusive: false), baselineCuts: [1.5, 3, 10])
    case .creatinine: try creatinine(r)
    case .fibrinogen: try fibrinogen(r)
    }
  }

  /// The value in the unit the CTCAE cut-offs use.
  private func standardValue(_ r: LabResult) throws(InputError) -> (Double, factor: Double) {
    guard let target = r.term.gradingUnit else { return (r.value, 1) }
    guard let unit = r.unit else {
      throw InputError(
        field: "unit", expected: "a unit convertible to \(target.rawValue) for \(r.term.rawValue)",
        found: "nothing")
    }
    do {
      let one = try Quantity(1, unit).converted(to: target, analyte: r.term.analyte).value
      return (r.value * one, one)
    } catch {
      throw InputError(
        field: "unit", expected: "a unit convertible to \(target.rawValue) for \(r.term.rawValue)",
        found: unit.rawValue)
    }
  }

  private func required(_ value: Double?, _ field: String, _ why: String) throws(InputError)
    -> Double
  {
    guard let value else { throw InputError(field: field, expected: why, found: "nothing") }
    return value
  }

  /// Neutrophil, platelet, WBC and lymphocyte count decreased: grades 2–4 by fixed cut-offs in
  /// /µL (`cuts` for grades 2, 3, 4); grade 1 is below LLN and at or above the grade-2 cut-off.
  private func decreasedCount(_ r: LabResult, cuts: [Double]) throws(InputError) -> (Int, [String]) {
    let (value, factor) = try standardValue(r)
    let shown = "\(Quantity.format(value)) /µL"
    for (offset, cut) in cuts.enumerated().reversed() where value < cut {
      return (offset + 2, ["\(shown) < \(Quantity.format(cut)) /µL"])
    }
    let lln = try required(
      r.lln, "lln", "the lower limit of normal (value \(shown) is above every fixed cut-off)")
    return value < lln * factor
      ? (1, ["\(shown) < LLN \(Quantity.format(lln * factor)) /µL"])
      : (0, ["\(shown) ≥ LLN \(Quantity.format(lln * factor)) /µL"])
  }

  /// Anaemia: < 8.0 g/dL grade 3, < 10.0 grade 2, < LLN grade 1; grade 4 is clinical.
  private func anaemia(_ r: LabResult) throws(InputError) -> (Int, [String]) {
    let (value, factor) = try standardValue(r)
    let shown = "Hb \(Quantity.format(value)) g/dL"
    let note = "grade 4 (life-threatening) cannot be derived from Hb alone"
    if value < 8 { return (3, ["\(shown) < 8.0 g/dL", note]) }
    if value < 10 { return (2, ["\(shown) < 10.0 g/dL"]) }
    let lln = try required(r.lln, "lln", "the lower limit of normal (Hb \(shown) ≥ 10.0 g/dL)")
    return value < lln * factor ? (1, ["\(shown) < LLN"]) : (0, ["\(shown) ≥ LLN"])
  }

  /// ALT, AST, bilirubin: × ULN when baseline is normal (or unknown), × baseline when baseline
  /// is above ULN (CTCAE v5.0; not the v6.0 rule).
  private func increased(
    _ r: LabResult, ulnCuts: [Double], baselineGrade1: (Double, inclusive: Bool), baselineCuts: [Double]
  ) throws(InputError) -> (Int, [String]) {
    let uln = try ulnOf(r)
    let value = r.value
    if let baseline = r.baseline, baseline > uln {
      let ratio = "\(Quantity.format(value / baseline)) × baseline (baseline above ULN)"
      for (offset, cut) in baselineCuts.enumerated().reversed() where value > cut * baseline {
        return (offset + 2, ["\(ratio) > \(Quantity.format(cut))"])
      }
      let (cut, inclusive) = baselineGrade1
      let met = inclusive ? value >= cut * baseline : value > cut * baseline
      return met
        ? (1, ["\(ratio) \(inclusive ? "≥" : ">") \(Quantity.format(cut))"])
        : (0, ["\(ratio) \(inclusive ? "<" : "≤") \(Quantity.format(cut))"])
    }
    let note = r.baseline == nil ? ["baseline not given: baseline-normal criteria used"] : []
    let ratio = "\(Quantity.format(value / uln)) × ULN"
    for (offset, cut) in ulnCuts.enumerated().reversed() where value > cut * uln {
      return (offset + 2, ["\(ratio) > \(Quantity.format(cut))"] + note)
    }
    return value > uln ? (1, ["\(ratio) > 1"] + note) : (0, ["\(ratio) ≤ 1"] + note)
  }

  private func ulnOf(_ r: LabResult) throws(InputError) -> Double {
    if r.unit == .timesULN { return 1 }
    // ALT/AST: U/L (value and ULN both in U/L) or no unit (any one unit) cancel in value / ULN.
    if let unit = r.unit, r.term.gradingUnit == nil, unit != .unitsPerLitre {
      throw InputError(
        field: "unit", expected: "U/L, xULN, or no unit with value and uln in one unit",
        found: unit.rawValue)
    }
    _ = try standardValue(r)
    let uln = try required(r.uln, "uln", "the upper limit of normal")
    guard uln > 0 else { throw InputError(field: "uln", expected: "a positive number", found: "0") }
    return uln
  }

  /// Creatinine increased: admiral's worst case of the × ULN and × baseline criteria for grades 2
  /// and 3; grade 4 uses ULN only.
  private func creatinine(_ r: LabResult) throws(InputError) -> (Int, [String]) {
    let uln = try ulnOf(r)
    let v = r.value
    let b = r.baseline
    let ratio =
      "\(Quantity.format(v / uln)) × ULN" + (b.map { ", \(Quantity.format(v / $0)) × baseline" } ?? "")
    if v > 6 * uln { return (4, ["\(ratio): > 6 × ULN"]) }
    if v > 3 * uln || b.map({ v > 3 * $0 }) == true { return (3, ["\(ratio): > 3 × ULN or > 3 × baseline"]) }
    if v > 1.5 * uln || b.map({ v > 1.5 * $0 }) == true {
      return (2, ["\(ratio): > 1.5 × ULN or > 1.5 × baseline"])
    }
    return v > uln ? (1, ["\(ratio): > ULN"]) : (0, ["\(ratio): ≤ ULN"])
  }

  /// Fibrinogen decreased: the worse of the × LLN criteria and, when the value is abnormal (below
  /// LLN), the fall from baseline (< 25% g1, 25–< 50% g2, 50–< 75% g3, ≥ 75% g4); any value
  /// < 50 mg/dL is grade 4. "If abnormal" is read as admiral does: the value, not the baseline.
  private func fibrinogen(_ r: LabResult) throws(InputError) -> (Int, [String]) {
    let (value, _) = try standardValue(r)
    if value < 50 { return (4, ["\(Quantity.format(value)) mg/dL < 50 mg/dL"]) }
    let lln = try required(r.lln, "lln", "the lower limit of normal")
    let ratio = "\(Quantity.format(r.value / lln)) × LLN"
    var best = r.value < lln ? (1, "\(ratio) < 1") : (0, "\(ratio) ≥ 1")
    for (offset, cut) in [0.75, 0.5, 0.25].enumerated().reversed() where r.value < cut * lln {
      best = (offset + 2, "\(ratio) < \(Quantity.format(cut))")
      break
    }
    if let baseline = r.baseline, baseline > 0, r.value < lln, r.value < baseline {
      let fall = (baseline - r.value) / baseline
      let shown = "fall of \(Quantity.format(fall * 100))% from baseline"
      var byFall = (1, "\(shown) (< 25%)")
      for (offset, cut) in [0.25, 0.5, 0.75].enumerated().reversed() where fall >= cut {
        byFall = (offset + 2, "\(shown) ≥ \(Quantity.format(cut * 100))%")
        break
      }
      if byFall.0 > best.0 { return (byFall.0, [byFall.1, best.1]) }
    }
    return (best.0, [best.1])
  }
}
