import Testing
import TrialModel

@testable import Eligibility

@Suite struct ClinicalFormulasTests {
  /// Mosteller 1987 / DuBois 1916 (admiral compute_bsa tests).
  @Test(arguments: [(170.0, 75.0, 1.882, 1.864), (185.0, 90.0, 2.151, 2.141)])
  func bodySurfaceArea(height: Double, weight: Double, mosteller: Double, dubois: Double) {
    #expect(abs(ClinicalFormulas.bsaMosteller(heightCm: height, weightKg: weight) - mosteller) < 0.0005)
    #expect(abs(ClinicalFormulas.bsaDuBois(heightCm: height, weightKg: weight) - dubois) < 0.0005)
  }

  /// Kymriah US label lymphodepletion example: 130 cm, 30 kg → Mosteller 1.0408 m².
  @Test func mostellerKymriahExample() {
    #expect(abs(ClinicalFormulas.bsaMosteller(heightCm: 130, weightKg: 30) - 1.0408) < 0.00005)
  }

  /// Cockcroft & Gault 1976: NKF calculator vectors via admiral.
  @Test func cockcroftGaultMale() {
    let crcl = ClinicalFormulas.cockcroftGault(
      ageYears: 55, weightKg: 90, creatinineMgPerDL: 1.09, female: false)
    #expect(abs(crcl - 97.48) < 0.01)
  }

  /// Female, 65 y, 60 kg, SCr 85 µmol/L: 55.26 mL/min with the exact ÷88.42 conversion.
  @Test func cockcroftGaultFemaleMolar() throws {
    let mgdl = try Quantity(85, .micromolPerL).converted(to: .mgPerDL, analyte: .creatinine).value
    let crcl = ClinicalFormulas.cockcroftGault(
      ageYears: 65, weightKg: 60, creatinineMgPerDL: mgdl, female: true)
    #expect(abs(crcl - 55.26) < 0.01)
  }

  @Test func ageInCompletedYears() {
    let birth = CivilDate(iso: "2008-11-21")!
    #expect(ClinicalFormulas.age(born: birth, on: CivilDate(iso: "2026-11-20")!).completed == 17)
    #expect(ClinicalFormulas.age(born: birth, on: CivilDate(iso: "2026-11-21")!).completed == 18)
    #expect(ClinicalFormulas.age(born: birth, on: CivilDate(iso: "2026-11-21")!).exact == 18)
  }

  @Test func calendarArithmetic() {
    #expect(CivilDate(iso: "2026-01-31")!.adding(months: 1).description == "2026-02-28")
    #expect(CivilDate(iso: "2024-02-29")!.adding(years: -1).description == "2023-02-28")
    #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
    #expect(CivilDate(iso: "2000-03-01")!.dayNumber - CivilDate(iso: "2000-02-28")!.dayNumber == 2)
    #expect(CivilDate(iso: "2026-02-30") == nil)
    #expect(CivilDate(iso: "2026-13-01") == nil)
  }
}
