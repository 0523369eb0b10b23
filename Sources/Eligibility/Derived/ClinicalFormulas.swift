import Foundation

/// Derived clinical values used by criteria.
public enum ClinicalFormulas {
  /// Age on `date` of someone born on `birth`: completed years, and the exact age in years
  /// (completed years plus the elapsed fraction of the current year of life).
  public static func age(born birth: CivilDate, on date: CivilDate) -> (completed: Int, exact: Double) {
    let (by, _, _) = birth.components
    let (dy, _, _) = date.components
    var completed = dy - by
    if birth.adding(years: completed) > date { completed -= 1 }
    let lastBirthday = birth.adding(years: completed)
    let nextBirthday = birth.adding(years: completed + 1)
    let fraction =
      Double(date.dayNumber - lastBirthday.dayNumber)
      / Double(nextBirthday.dayNumber - lastBirthday.dayNumber)
    return (completed, Double(completed) + fraction)
  }

  /// Cockcroft–Gault creatinine clearance in mL/min (Cockcroft & Gault, Nephron 1976;16:31–41):
  /// `(140 − age) × weight / (72 × SCr) × 0.85 if female`.
  ///
  /// Convention used throughout cartrial: serum creatinine in mg/dL (µmol/L values are divided by
  /// 88.42, `Analyte.creatinine`), age in completed years, actual body weight in kg.
  public static func cockcroftGault(
    ageYears: Double, weightKg: Double, creatinineMgPerDL: Double, female: Bool
  ) -> Double {
    (140 - ageYears) * weightKg / (72 * creatinineMgPerDL) * (female ? 0.85 : 1)
  }

  /// Mosteller body-surface area in m²: `√(height[cm] × weight[kg] / 3600)` (Mosteller, NEJM
  /// 1987;317:1098).
  public static func bsaMosteller(heightCm: Double, weightKg: Double) -> Double {
    (heightCm * weightKg / 3600).squareRoot()
  }

  /// DuBois & DuBois body-surface area in m²: `0.007184 × H^0.725 × W^0.425` (Arch Intern Med
  /// 1916;17:863).
  public static func bsaDuBois(heightCm: Double, weightKg: Double) -> Double {
    0.007184 * pow(heightCm, 0.725) * pow(weightKg, 0.425)
  }
}

/// Compact number formatting for evidence: at most `decimals` (0–6) decimals, trailing zeros
/// removed (see ``NumberWriter``, which writes the same text into a byte buffer).
func formatNumber(_ x: Double, decimals: Int = 2) -> String {
  var bytes: [UInt8] = []
  NumberWriter.append(x, decimals: decimals, to: &bytes)
  return String(decoding: bytes, as: UTF8.self)
}
