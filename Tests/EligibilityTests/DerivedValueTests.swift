import Testing
import TrialModel

@testable import Eligibility

/// Derived values and anchors used in expressions, checked against closed forms.
@Suite struct DerivedValueTests {
  let patient: PatientRecord

  init() throws { patient = try record(examplePatientJSON) }

  /// 171 cm, 58 kg: Mosteller √(171 × 58 / 3600) = 1.6598 m²; DuBois 0.007184 × 171^0.725 × 58^0.425.
  @Test func bodySurfaceAreaInExpressions() throws {
    let mosteller = (171.0 * 58 / 3600).squareRoot()
    #expect(try verdict("bsa.mosteller >= \(mosteller) m²", patient).verdict == .met)
    #expect(try verdict("bsa.mosteller > \(mosteller + 0.001) m²", patient).verdict == .notMet)
    let dubois = ClinicalFormulas.bsaDuBois(heightCm: 171, weightKg: 58)
    let result = try verdict("bsa.dubois <= 2 m²", patient)
    #expect(result.verdict == .met)
    #expect(result.evidence.hasPrefix("BSA \(formatNumber(dubois, decimals: 3)) m² (DuBois, 171 cm, 58 kg)"))
    var p = patient
    p[.height] = nil
    #expect(try verdict("bsa.mosteller <= 2 m²", p).missing == ["demographics.height"])
  }

  /// `any(a, b)` selects the union of classes; `hsct` selects both transplant kinds.
  @Test func eventClassSelection() throws {
    #expect(
      EventClass.selecting("hsct")
        == EventClassSet(mask: EventClass.hsctAllogeneic.bit | EventClass.hsctAutologous.bit))
    #expect(
      EventClass.selecting("chemotherapy.asparaginase") == EventClassSet(mask: EventClass.asparaginase.bit))
    #expect(EventClass.selecting("nonsense").isEmpty)
    #expect(try verdict("any(tki, chemotherapy.cytarabine) within 50 days", patient).verdict == .met)
    #expect(try verdict("any(tki, chemotherapy.hydroxyurea) within 50 days", patient).verdict == .notMet)
  }

  /// Lymphodepletion starts on or after screening; unknown, it bounds the window like infusion.
  @Test func lymphodepletionAnchor() throws {
    var p = patient
    p.history.append(
      HistoryEvent(classes: EventClass.selecting("vaccine.influenza"), date: CivilDate(iso: "2026-11-10")!))
    let open = try verdict("vaccine.influenza within 2 weeks before lymphodepletion", p)
    #expect(open.verdict == .missing)
    #expect(open.missing == ["plannedLymphodepletionDate"])
    p.plannedLymphodepletionDate = CivilDate(iso: "2026-11-24")
    #expect(try verdict("vaccine.influenza within 2 weeks before lymphodepletion", p).verdict == .met)
    p.plannedLymphodepletionDate = CivilDate(iso: "2026-11-25")
    #expect(try verdict("vaccine.influenza within 2 weeks before lymphodepletion", p).verdict == .notMet)
  }

  /// Consent is on or before screening, at an unknown date: an event in the span before screening
  /// may be before or after consent, so it leaves the window before consent undecided (issue 11:
  /// it used to count as "before consent").
  @Test func unknownConsentDate() throws {
    var p = patient
    p.consentDate = nil
    // steroid 3 days, cytarabine 50 days before screening
    let steroid = try verdict("steroid within 2 weeks before consent", p)
    #expect(steroid.verdict == .missing)
    #expect(steroid.missing == ["consent.date"])
    let undecided = try verdict("chemotherapy within 2 weeks before consent", p)
    #expect(undecided.verdict == .missing)
    #expect(undecided.missing == ["consent.date"])
  }

  @Test func numericAgeAndDurations() throws {
    var p = try record(
      #"{"demographics": {"ageYears": 16}, "lifeExpectancy": {"value": 12, "unit": "weeks"}}"#)
    #expect(try verdict("lifeExpectancy >= 84 days", p).verdict == .met)
    #expect(try verdict("lifeExpectancy > 12 weeks", p).verdict == .notMet)
    #expect(try verdict("age >= lanskyAgeLimit", p).verdict == .met)
    p[.ageYears] = 15.99
    #expect(try verdict("age >= lanskyAgeLimit", p).verdict == .notMet)
    #expect(try verdict("age >= 192 months", p).verdict == .notMet)
  }
}
