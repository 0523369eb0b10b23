import Foundation
import Testing
import TrialModel

@testable import Eligibility

/// NCT05350787 (ThisCART19A): one test per computable criterion, written from the registry text.
/// For an exclusion criterion `met` means the excluding condition is absent, `notMet` excluded.
@Suite struct NCT05350787FidelityTests {
  typealias P = Fidelity.Patient
  let base = Fidelity.Patient("NCT05350787")

  /// I1: "must sign a voluntary letter of consent … prior to the commencement of any screening procedure".
  @Test func i1Consent() {
    var p = base
    #expect(p.verdict("I1") == .met)
    p.record[.consentSigned] = false
    #expect(p.verdict("I1") == .notMet)
  }

  /// I2: "Patients diagnosed with B-ALL".
  @Test func i2BAll() {
    var p = base
    #expect(p.verdict("I2") == .met)
    p.record[.bAll] = false
    #expect(p.verdict("I2") == .notMet)
  }

  /// I3: "age 18-70(upper limit not included)".
  @Test func i3Age() {
    var p = base
    for (years, days, verdict) in [(18, 0, Verdict.met), (18, 1, .notMet), (70, 1, .met), (70, 0, .notMet)] {
      p.record.birthDate = P.screening.adding(years: -years).adding(days: days)
      #expect(p.verdict("I3") == verdict, "\(years) y \(days) d")
    }
  }

  /// I4: "recurrent refractory B-ALL … Patients with Ph+ R/R ALL who failed after 2-line TKI treatment,
  /// were intolerant to TKI treatment or were not suitable for TKI treatment".
  @Test func i4RelapsedRefractoryAndPhTki() {
    var p = base
    #expect(p.verdict("I4") == .met)  // Ph− relapse
    p.record[.relapsed] = false
    p.record[.refractory] = true
    #expect(p.verdict("I4") == .met)
    p.record[.refractory] = false
    #expect(p.verdict("I4") == .notMet)
    p.record[.phPositive] = true
    p.record[.tkiLinesFailed] = 2
    #expect(p.verdict("I4") == .notMet)  // Ph+ in remission with 2 TKIs failed: not R/R
    p.record[.relapsed] = true
    #expect(p.verdict("I4") == .met)
    p.record[.tkiLinesFailed] = 1
    p.record[.tkiIntolerant] = false
    p.record[.tkiContraindicated] = false
    #expect(p.verdict("I4") == .notMet)  // Ph+ R/R after one TKI only
    p.record[.tkiIntolerant] = true
    #expect(p.verdict("I4") == .met)
    p.record[.tkiIntolerant] = false
    p.record[.tkiContraindicated] = true
    #expect(p.verdict("I4") == .met)  // "not suitable for TKI treatment"
  }

  /// The I4 text is the registry's, with its list of poor-risk cytogenetics.
  @Test func i4TextKeepsTheCytogeneticsList() {
    let text = SeedProtocolTests.trial("NCT05350787").criteria.first { $0.id == "I4" }!.text
    for item in [
      "Hypodiploid (<44 chromosomes)", "IAMP21-ALL", "Alterations of IKZF1; E) Extramedullary lesions.",
    ] {
      #expect(text.contains(item), "\(item)")
    }
  }

  /// I4c: "C) ≥100 days after hematopoietic stem cell transplantation".
  @Test func i4cHundredDaysAfterTransplant() {
    var p = base
    p.history(P.event("hsct.autologous", P.day(-100)))
    #expect(p.verdict("I4c") == .met)
    p.history(P.event("hsct.allogeneic", P.day(-99)))
    #expect(p.verdict("I4c") == .notMet)
  }

  /// I5: "The expected survival time is ≥12 weeks".
  @Test func i5LifeExpectancy() {
    let at = Fidelity.Patient(
      "NCT05350787", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 12, \"unit\": \"weeks\"")]
    )
    #expect(at.verdict("I5") == .met)
    let below = Fidelity.Patient(
      "NCT05350787", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 83, \"unit\": \"days\"")])
    #expect(below.verdict("I5") == .notMet)
  }

  /// I6: "ECOG score 0-1".
  @Test func i6Ecog() {
    var p = base
    p.record[.ecog] = 1
    #expect(p.verdict("I6") == .met)
    p.record[.ecog] = 2
    #expect(p.verdict("I6") == .notMet)
  }

  /// I8: "CD19 was still expressed … in bone marrow, peripheral blood or biopsy tissue by flow
  /// cytometry within one month prior to informed consent (after the last treatment)".
  @Test func i8Cd19StillExpressedAfterLastTreatment() {
    var p = base
    #expect(p.verdict("I8") == .met)  // CD19+ by flow on marrow 4 days before consent, after chemotherapy
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: P.day(-31), method: "flow", specimen: .boneMarrow),
      AntigenResult(
        antigen: "CD19", positive: false, date: P.day(-10), method: "flow", specimen: .boneMarrow),
    ]
    p.history(P.event("antiCD19 antibody.bispecific", P.day(-26)))
    #expect(p.verdict("I8") == .notMet)  // positive, then blinatumomab, then negative
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: P.day(-10), method: "IHC", specimen: .tissue)
    ]
    #expect(p.verdict("I8") != .met)  // immunohistochemistry is not flow cytometry
    p.record.antigens = [
      AntigenResult(
        antigen: "CD19", positive: true, date: P.day(-30), method: "flow", specimen: .peripheralBlood)
    ]
    p.history(P.event("chemotherapy.cytarabine", P.day(-20)))
    #expect(p.verdict("I8") != .met)  // before the last treatment
    p.history(P.event("chemotherapy.cytarabine", P.day(-40)))
    #expect(p.verdict("I8") == .met)  // 26 days before consent, after the last treatment
    p.record.antigens[0].date = p.consent.adding(months: -1).adding(days: -1)
    #expect(p.verdict("I8") != .met)  // more than one month before consent
  }

  /// I7 "good organic function" and E12 "ineligibility conditions considered by the investigator".
  @Test func attestations() {
    #expect(base.verdict("I7") == .attestation)
    #expect(base.verdict("E12") == .met)  // attested in the example record
  }

  /// E1: "Allergic to preconditioning measures." E3: "Uncontrollable bacterial, fungal and viral
  /// infection during screening."
  @Test func singleFactExclusions() {
    var p = base
    #expect(p.verdicts("E1", .lymphodepletionAllergy) == [.notMet, .met, .missing])
    #expect(p.verdicts("E3", .uncontrolledInfection) == [.notMet, .met, .missing])
  }

  /// E2: "other malignancies other than B-cell malignancies within 5 years prior to screening. Patients
  /// with cured skin squamous carcinoma, basal carcinoma, … can be recruited."
  @Test func e2OtherMalignancy() {
    var p = base
    let screening = P.screening
    #expect(p.verdict("E2") == .met)  // complete history without malignancy
    // A melanoma cured 3 years ago (not active at screening) is within the 5 years.
    p.history(
      P.event("malignancy", screening.adding(years: -4), endDate: screening.adding(years: -3), type: .other))
    #expect(p.verdict("E2") == .notMet)
    // Cured exactly 5 years before screening: on the window's first day; a day earlier: outside.
    p.history(
      P.event("malignancy", screening.adding(years: -7), endDate: screening.adding(years: -5), type: .other))
    #expect(p.verdict("E2") == .notMet)
    p.history(
      P.event(
        "malignancy", screening.adding(years: -7), endDate: screening.adding(years: -5).adding(days: -1),
        type: .other))
    #expect(p.verdict("E2") == .met)
    // "other than B-cell malignancies": a lymphoma, even ongoing, is outside the criterion.
    p.history(P.event("malignancy", P.day(-300), ongoing: true, type: .bCell))
    #expect(p.verdict("E2") == .met)
    // The cured exceptions can be recruited; the same tumours still ongoing cannot.
    for type in [
      TumourType.skinSquamous, .basalCell, .bladderNonMuscleInvasive, .prostateLowRisk, .cervixInSitu,
      .breastInSitu,
    ] {
      p.history(P.event("malignancy", P.day(-500), endDate: P.day(-200), type: type))
      #expect(p.verdict("E2") == .met, "\(type) cured")
      p.history(P.event("malignancy", P.day(-500), ongoing: true, type: type))
      #expect(p.verdict("E2") == .notMet, "\(type) ongoing")
    }
    // Not in this protocol's list: other non-metastatic prostate cancer, thyroid cancer.
    for type in [TumourType.prostateNonMetastatic, .thyroid] {
      p.history(P.event("malignancy", P.day(-500), endDate: P.day(-200), type: type))
      #expect(p.verdict("E2") == .notMet, "\(type)")
    }
    p.history(P.event("malignancy", P.day(-500), endDate: P.day(-200)))
    #expect(p.result("E2").missing == ["history.events[0].type"])
  }

  /// E4: "pulmonary embolism within 3 months prior to enrollment".
  @Test func e4PulmonaryEmbolismBeforeEnrolment() {
    var p = base
    p.record.enrollmentDate = P.day(10)
    p.history(P.event("pulmonaryEmbolism", P.day(10).adding(months: -3).adding(days: -1)))
    #expect(p.verdict("E4") == .met)  // 88 days before screening, more than 3 months before enrolment
    p.history(P.event("pulmonaryEmbolism", P.day(10).adding(months: -3)))
    #expect(p.verdict("E4") == .notMet)
  }

  /// E5: "intolerant severe cardiovascular and cerebrovascular diseases and hereditary diseases prior
  /// to enrollment".
  @Test func e5CardiovascularCerebrovascularHereditary() {
    var p = base
    for fact in [
      BooleanFact.severeCerebrovascularDisease, .clinicallySignificantHeartDisease, .geneticDisease,
    ] {
      p.record[fact] = false
    }
    #expect(p.verdict("E5") == .met)
    for fact in [
      BooleanFact.severeCerebrovascularDisease, .clinicallySignificantHeartDisease, .geneticDisease,
    ] {
      p.record[fact] = true
      #expect(p.verdict("E5") == .notMet, "\(fact)")
      p.record[fact] = false
    }
  }

  /// E6: "Imaging confirmed the presence of central nervous system involvement … and obvious symptoms
  /// at the time of screening."
  @Test func e6CnsOnImagingWithSymptoms() {
    var p = base
    p.record.cnsStatus = .cns3
    p.record[.cnsInvolvementOnImaging] = false
    p.record[.cnsSymptoms] = false
    #expect(p.verdict("E6") == .met)  // CNS3 by CSF count, normal MRI, no symptoms
    p.record.cnsStatus = .cns1
    p.record[.cnsInvolvementOnImaging] = true
    p.record[.cnsSymptoms] = true
    #expect(p.verdict("E6") == .notMet)  // symptomatic CNS lymphoma on MRI, CSF negative
    p.record[.cnsSymptoms] = false
    #expect(p.verdict("E6") == .met)
  }

  /// E7: "Active HBV or HCV or HIV or Syphilis infection. HBV-DNA < 2000 IU/mL can be enrolled, but
  /// should … use anti-virus drugs".
  @Test func e7VirologyWithHbvException() {
    var p = base
    for fact in [BooleanFact.activeHepatitisB, .activeHepatitisC, .hiv, .syphilis] { p.record[fact] = false }
    #expect(p.verdict("E7") == .met)
    p.record[.activeHepatitisB] = true
    p.record[.hbvDna] = true
    p.record.viralLoads[BooleanFact.hbvDna.rawValue] = ViralLoad(value: 1999, unit: .iuPerML)
    p.record[.antiviralProphylaxis] = true
    #expect(p.verdict("E7") == .met)
    p.record[.antiviralProphylaxis] = false
    #expect(p.verdict("E7") == .notMet)  // below 2000 IU/mL but no antivirals
    p.record[.antiviralProphylaxis] = true
    p.record.viralLoads[BooleanFact.hbvDna.rawValue] = ViralLoad(value: 2000, unit: .iuPerML)
    #expect(p.verdict("E7") == .notMet)
    p.record[.activeHepatitisB] = false
    for fact in [BooleanFact.activeHepatitisC, .hiv, .syphilis] {
      p.record[fact] = true
      #expect(p.verdict("E7") == .notMet, "\(fact)")
      p.record[fact] = false
    }
  }

  /// E8: "systemic steroid use (e.g., prednisone ≥20mg) within 3 days prior to screening. Or systemic
  /// diseases that require long-term use of immunization Inhibitor."
  @Test func e8SystemicSteroids() {
    var p = base
    p.record[.longTermImmunosuppressionNeeded] = false
    p.history(P.event("steroid", P.day(-3), dose: 20, route: .systemic))
    #expect(p.verdict("E8") == .notMet)
    p.history(P.event("steroid", P.day(-4), dose: 20, route: .systemic))
    #expect(p.verdict("E8") == .met)
    p.history(P.event("steroid", P.day(-2), dose: 19.5, route: .systemic))
    #expect(p.verdict("E8") == .met)
    p.history(P.event("steroid", P.day(-2), dose: 33, route: .local))
    #expect(p.verdict("E8") == .met)  // not systemic
    p.history(P.event("steroid", P.day(-21), dose: 30, route: .systemic, ongoing: true))
    #expect(p.verdict("E8") == .notMet)  // daily prednisone since 3 weeks
    p.history()
    p.record[.longTermImmunosuppressionNeeded] = true
    #expect(p.verdict("E8") == .notMet)
  }

  /// E9: "Vaccinated with influenza vaccine within 2 weeks prior to cleansing".
  @Test func e9InfluenzaVaccineBeforeLymphodepletion() {
    var p = base
    p.record.plannedLymphodepletionDate = P.day(14)
    p.history(P.event("vaccine.influenza", P.day(0)))
    #expect(p.verdict("E9") == .notMet)
    p.history(P.event("vaccine.influenza", P.day(-1)))
    #expect(p.verdict("E9") == .met)
    p.history(P.event("vaccine.rna", P.day(0)))
    #expect(p.verdict("E9") == .met)  // SARS-CoV-2 vaccines are allowed
  }

  /// E10: "Patients who are receiving GvHD treatment; Patients without GvHD and who had stopped
  /// immunosuppressive drugs for at least 1 month were eligible".
  @Test func e10GvhdTreatmentAndImmunosuppressants() {
    var p = base
    p.record[.receivingGvhdTreatment] = false
    p.record[.activeGvhd] = false
    p.history(P.event("immunosuppressant", P.screening.adding(months: -1)))
    #expect(p.verdict("E10") == .met)  // stopped exactly 1 month ago
    p.history(P.event("immunosuppressant", P.screening.adding(months: -1).adding(days: 1)))
    #expect(p.verdict("E10") == .notMet)
    p.history(P.event("immunosuppressant", P.day(-200), ongoing: true))
    #expect(p.verdict("E10") == .notMet)  // ciclosporin since April, still taking it
    // A course stopped exactly 1 month ago (its endDate) has been stopped for at least 1 month.
    p.history(P.event("immunosuppressant", P.day(-200), endDate: P.screening.adding(months: -1)))
    #expect(p.verdict("E10") == .met)
    p.history(
      P.event("immunosuppressant", P.day(-200), endDate: P.screening.adding(months: -1).adding(days: 1)))
    #expect(p.verdict("E10") == .notMet)
    p.history()
    #expect(p.verdict("E10") == .met)
    p.record[.activeGvhd] = true
    #expect(p.verdict("E10") == .notMet)  // active GvHD, untreated
    p.record[.activeGvhd] = false
    p.record[.receivingGvhdTreatment] = true
    #expect(p.verdict("E10") == .notMet)
  }

  /// E11: "Women who are in pregnant or lactating, and female subjects or partners who plan to be
  /// pregnant within 1 year after cell infusion. Male subjects who plan pregnancy within 1 year after
  /// infusion."
  @Test func e11PregnancyAndPlans() {
    var p = base
    p.record.plansComplete = true
    p.record[.contraceptionAgreed] = false
    #expect(p.verdict("E11") == .met)  // a man who declines contraception, no plan
    p.record.plans = [
      PlannedEvent(classes: EventClass.selecting("pregnancy"), date: p.infusion.adding(years: 1))
    ]
    #expect(p.verdict("E11") == .notMet)
    p.record.plans[0].date = p.infusion.adding(years: 1).adding(days: 1)
    #expect(p.verdict("E11") == .met)
    p.record.plans = []
    p.record.sex = .female
    p.record[.pregnant] = false
    p.record[.lactating] = true
    #expect(p.verdict("E11") == .notMet)
    p.record[.lactating] = false
    #expect(p.verdict("E11") == .met)
  }
}
