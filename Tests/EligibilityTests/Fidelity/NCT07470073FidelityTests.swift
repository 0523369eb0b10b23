import Testing
import TrialModel

@testable import Eligibility

/// NCT07470073 (ct1190b, universal CD19/CD20): each computable criterion against its registry
/// text, with patients at and on either side of each threshold, window and clause. The example
/// patient is screened on 2026-11-20 (consent 2026-11-16, infusion planned 2026-12-10).
@Suite struct NCT07470073FidelityTests {
  let f = Fidelity("NCT07470073")
  typealias F = Fidelity

  /// Infusion two days after screening, so that windows before infusion reach recordable days.
  var soon: RecordPatch { ["plannedInfusionDate": F.day(2)] }

  /// "sign the informed consent form"
  @Test func i1Consent() throws {
    #expect(try f.verdict("I1") == .met)
    #expect(try f.verdict("I1", ["consent": ["signed": false]]) == .notMet)
    #expect(try f.verdict("I1", ["consent": F.null]) == .missing)
  }

  /// "aged 12-75 years (inclusive)"
  @Test func i2AgeInclusive() throws {
    #expect(try f.verdict("I2", F.born(yearsBefore: 12)) == .met)
    #expect(try f.verdict("I2", F.born(yearsBefore: 12, plusDays: 1)) == .notMet)
    #expect(try f.verdict("I2", F.born(yearsBefore: 76, plusDays: 1)) == .met)
    #expect(try f.verdict("I2", F.born(yearsBefore: 76)) == .notMet)
  }

  /// "did not achieve complete remission by the standardized induction chemotherapy, or early
  /// relapse (<12 months) after complete remission, or late relapse (≥ 12 months) after complete
  /// remission, and did not achieve complete remission by the standardized one course induction
  /// chemotherapy (except … according to the investigator's assessment), relapsed after 2 or more
  /// CR or CRI"
  @Test func i3RelapseBranches() throws {
    let ph = F.disease(["phStatus": "negative"])
    #expect(try f.verdict("I3", ph, F.disease(["status": "refractory"])) == .met)
    #expect(try f.verdict("I3", ph, F.disease(["status": "remission"])) == .notMet)
    #expect(try f.verdict("I3", F.disease(["diagnosis": "T-ALL", "status": "refractory"])) == .notMet)
    let relapsed = [
      "disease": ["status": "relapsed", "crCount": 1, "reinductionFailed": false],
      "conditions": ["noBetterTreatment": false],
    ]
    #expect(try f.verdict("I3", ph, relapsed, F.disease(["remissionMonths": 11.9])) == .met)
    // Late relapse (≥ 12 months) needs a failed one-course re-induction …
    #expect(try f.verdict("I3", ph, relapsed, F.disease(["remissionMonths": 12])) == .notMet)
    #expect(
      try f.verdict("I3", ph, relapsed, F.disease(["remissionMonths": 20, "reinductionFailed": true])) == .met
    )
    // … or a relapse after two or more CR, or the investigator's exception.
    #expect(try f.verdict("I3", ph, relapsed, F.disease(["remissionMonths": 20, "crCount": 2])) == .met)
    #expect(
      try f.verdict(
        "I3", ph, relapsed, F.disease(["remissionMonths": 20]), F.conditions(["noBetterTreatment": true]))
        == .met)
    // Without the investigator's assessment a late relapse without re-induction is undecided.
    #expect(
      try f.verdict(
        "I3", ph, relapsed, F.disease(["remissionMonths": 20]), F.conditions(["noBetterTreatment": F.null]))
        == .missing)
  }

  /// "For ph+all patients … should also receive at least two kinds of TKI treatment … (except those
  /// who cannot tolerate TKI treatment or have contraindications to TKI treatment, or those with
  /// T315I mutation do not need to receive TKI treatment)"
  @Test func i3PhPositiveTKI() throws {
    let ph = F.disease([
      "status": "refractory", "phStatus": "positive", "t315i": false, "tkiIntolerant": false,
    ])
    #expect(try f.verdict("I3", ph, F.disease(["tkiLinesFailed": 2])) == .met)
    #expect(
      try f.verdict("I3", ph, F.disease(["tkiLinesFailed": 1, "tkiContraindicated": false])) == .notMet)
    #expect(try f.verdict("I3", ph, F.disease(["tkiLinesFailed": 1, "tkiIntolerant": true])) == .met)
    #expect(try f.verdict("I3", ph, F.disease(["tkiLinesFailed": 1, "t315i": true])) == .met)
    #expect(try f.verdict("I3", ph, F.disease(["tkiLinesFailed": 1, "tkiContraindicated": true])) == .met)
  }

  /// "CD19 and / or CD20 positive in bone marrow or peripheral blood"
  @Test func i4AntigenInMarrowOrBlood() throws {
    let cd19 = [
      "antigen": "CD19", "result": "positive", "date": F.day(-8), "method": "flow cytometry",
      "specimen": "bone marrow",
    ]
    let cd20 = F.merge(cd19, ["antigen": "CD20"])
    #expect(try f.verdict("I4", F.antigens(F.merge(cd19, ["specimen": "bone marrow"]))) == .met)
    #expect(try f.verdict("I4", F.antigens(F.merge(cd20, ["specimen": "peripheral blood"]))) == .met)
    #expect(
      try f.verdict(
        "I4", F.antigens(F.merge(cd19, ["result": "negative"]), F.merge(cd20, ["result": "negative"])))
        == .notMet)
    // CD19 negative and CD20 not tested: CD20 could still be positive.
    #expect(try f.verdict("I4", F.antigens(F.merge(cd19, ["result": "negative"]))) == .missing)
    // A lymph-node CD19 is not "in bone marrow or peripheral blood": with CD20 negative in marrow
    // nothing qualifies; with CD20 not tested, CD20 could still be positive.
    let node = F.merge(cd19, ["specimen": "lymph node", "method": "IHC"])
    let cd20Negative = F.merge(cd20, ["result": "negative", "specimen": "bone marrow"])
    #expect(try f.verdict("I4", F.antigens(node, cd20Negative)) == .notMet)
    #expect(try f.verdict("I4", F.antigens(node)) == .missing)
  }

  /// "the proportion of bone marrow cell morphology or peripheral blood suggestive blasts ≥ 5%"
  @Test func i5Blasts() throws {
    let blasts = { (marrow: Double, blood: Double) in
      F.disease([
        "marrowBlasts": ["value": marrow, "unit": "%"], "bloodBlasts": ["value": blood, "unit": "%"],
      ])
    }
    #expect(try f.verdict("I5", blasts(5, 0)) == .met)
    #expect(try f.verdict("I5", blasts(4.9, 5)) == .met)
    #expect(try f.verdict("I5", blasts(4.9, 4.9)) == .notMet)
  }

  /// "estimated survival >12 weeks"
  @Test func i6SurvivalStrict() throws {
    #expect(try f.verdict("I6", ["lifeExpectancy": ["value": 85, "unit": "days"]]) == .met)
    #expect(try f.verdict("I6", ["lifeExpectancy": ["value": 12, "unit": "weeks"]]) == .notMet)
  }

  /// "(there should be no ongoing continuous supportive care)", for every part of I7.
  @Test func i7NoOngoingSupportiveCare() throws {
    for id in ["I7a", "I7b", "I7c", "I7d", "I7e"] {
      #expect(try f.verdict(id, F.conditions(["supportiveCareOngoing": false])) == .met, "\(id)")
      #expect(try f.verdict(id, F.conditions(["supportiveCareOngoing": true])) == .notMet, "\(id)")
    }
  }

  /// "Endogenous creatinine clearance ≥ 30 ml/min (using Cockcroft Gault formula)": male, 68 y,
  /// 60 kg, creatinine 2.0 mg/dL gives (140 − 68) × 60 / (72 × 2.0) = 30.0 mL/min.
  @Test func i7aCreatinineClearance() throws {
    let patient = [F.born(yearsBefore: 68), F.lab("creatinine", 2.0, "mg/dL")]
    #expect(
      try f.verdict("I7a", patient[0], patient[1], ["demographics": ["weight": ["value": 60, "unit": "kg"]]])
        == .met)
    #expect(
      try f.verdict(
        "I7a", patient[0], patient[1], ["demographics": ["weight": ["value": 59.8, "unit": "kg"]]])
        == .notMet)
  }

  /// "ALT and AST ≤ 3 × ULN, total bilirubin ≤ 1.5 × ULN; In case of hepatobiliary invasion: AST
  /// and alt ≤ 5 × ULN, total bilirubin ≤ 3.0 × ULN"
  @Test func i7bLiver() throws {
    let normal = F.disease(["hepatobiliaryInvolvement": false])
    let invaded = F.disease(["hepatobiliaryInvolvement": true])
    #expect(try f.verdict("I7b", normal, F.lab("alt", 120, "U/L", ["uln": 40])) == .met)
    #expect(try f.verdict("I7b", normal, F.lab("alt", 121, "U/L", ["uln": 40])) == .notMet)
    #expect(try f.verdict("I7b", normal, F.lab("ast", 121, "U/L", ["uln": 40])) == .notMet)
    #expect(try f.verdict("I7b", normal, F.lab("bilirubin", 1.5, "mg/dL", ["uln": 1])) == .met)
    #expect(try f.verdict("I7b", normal, F.lab("bilirubin", 1.6, "mg/dL", ["uln": 1])) == .notMet)
    #expect(try f.verdict("I7b", invaded, F.lab("alt", 200, "U/L", ["uln": 40])) == .met)
    #expect(try f.verdict("I7b", invaded, F.lab("alt", 201, "U/L", ["uln": 40])) == .notMet)
    #expect(try f.verdict("I7b", invaded, F.lab("bilirubin", 3, "mg/dL", ["uln": 1])) == .met)
    #expect(try f.verdict("I7b", invaded, F.lab("bilirubin", 3.1, "mg/dL", ["uln": 1])) == .notMet)
  }

  /// "International normalized ratio (INR) and activated partial thromboplastin time (APTT) ≤ 1.5 × ULN"
  @Test func i7cCoagulation() throws {
    #expect(try f.verdict("I7c", F.lab("inr", 1.5, "ratio", ["uln": 1])) == .met)
    #expect(try f.verdict("I7c", F.lab("inr", 1.6, "ratio", ["uln": 1])) == .notMet)
    #expect(try f.verdict("I7c", F.lab("aptt", 60, "s", ["uln": 40])) == .met)
    #expect(try f.verdict("I7c", F.lab("aptt", 61, "s", ["uln": 40])) == .notMet)
  }

  /// "Oxygen saturation in non oxygen inhalation state was > 91%"
  @Test func i7dOxygenSaturationOnRoomAir() throws {
    #expect(try f.verdict("I7d", F.lab("spo2", 92, "%")) == .met)
    #expect(try f.verdict("I7d", F.lab("spo2", 91, "%")) == .notMet)
    // On supplemental oxygen the value does not count; nothing else shows the room-air value.
    #expect(try f.verdict("I7d", F.lab("spo2", 94, "%", ["oxygen": "supplemental"])) == .missing)
    #expect(try f.verdict("I7d", F.lab("spo2", 94, "%", ["oxygen": "roomAir"])) == .met)
    #expect(try f.verdict("I7d", F.lab("spo2", 94, "%"), ["labs": ["spo2": ["oxygen": F.null]]]) == .missing)
  }

  /// "Left ventricular ejection fraction (LVEF) ≥ 50%"
  @Test func i7eEjectionFraction() throws {
    #expect(try f.verdict("I7e", F.lab("lvef", 50, "%")) == .met)
    #expect(try f.verdict("I7e", F.lab("lvef", 49, "%")) == .notMet)
  }

  /// "Male study participants who had active sex with women with reproductive potential were
  /// willing to use … contraception within 1 year …. All male study participants were absolutely
  /// forbidden to donate sperm within 1 year"
  @Test func i8MaleContraceptionAndSpermDonation() throws {
    #expect(try f.verdict("I8", F.sex("female")) == .met)
    let pledges = { (contraception: Bool, sperm: Bool) in
      F.conditions([
        "contraceptionAgreed": contraception, "noSpermDonationAgreed": sperm,
        "partnerChildbearingPotential": true,
      ])
    }
    #expect(try f.verdict("I8", pledges(true, true)) == .met)
    #expect(try f.verdict("I8", pledges(true, false)) == .notMet)
    #expect(try f.verdict("I8", pledges(false, true)) == .notMet)
    // His only partner is post-menopausal: contraception is not asked of him.
    #expect(
      try f.verdict("I8", pledges(false, true), F.conditions(["partnerChildbearingPotential": false]))
        == .met)
    #expect(
      try f.verdict("I8", pledges(false, true), F.conditions(["partnerChildbearingPotential": true]))
        == .notMet)
  }

  /// "pregnant or lactating women"
  @Test func e1PregnantOrLactatingWomen() throws {
    let none = F.conditions(["pregnant": F.null, "lactating": F.null])
    #expect(try f.verdict("E1", none) == .met)  // a man: no pregnancy to record
    #expect(try f.verdict("E1", none, F.sex("female")) == .missing)
    #expect(try f.verdict("E1", F.sex("female")) == .met)
    #expect(try f.verdict("E1", F.sex("female"), F.conditions(["pregnant": true])) == .notMet)
    #expect(try f.verdict("E1", F.sex("female"), F.conditions(["lactating": true])) == .notMet)
  }

  /// "HIV, syphilis infection, active hepatitis B virus infection (HBV-DNA is higher than the
  /// detection limit), or active hepatitis C virus infection (both HCV antibody and HCV-RNA are positive)"
  @Test func e2Infections() throws {
    let clean = F.conditions(["hiv": false, "syphilis": false])
    let tests = { (hbsag: String, hbvDna: String, hcvAb: String, hcvRna: String) in
      F.viralTests(
        ["test": "HBsAg", "result": hbsag], ["test": "HBV-DNA", "result": hbvDna],
        ["test": "HCV-Ab", "result": hcvAb], ["test": "HCV-RNA", "result": hcvRna])
    }
    #expect(try f.verdict("E2", clean, tests("negative", "negative", "negative", "negative")) == .met)
    #expect(try f.verdict("E2", clean, tests("positive", "negative", "negative", "negative")) == .met)
    #expect(try f.verdict("E2", clean, tests("negative", "positive", "negative", "negative")) == .notMet)
    #expect(try f.verdict("E2", clean, tests("negative", "negative", "positive", "negative")) == .met)
    #expect(try f.verdict("E2", clean, tests("negative", "negative", "positive", "positive")) == .notMet)
    #expect(try f.verdict("E2", F.conditions(["hiv": true, "syphilis": false])) == .notMet)
    #expect(try f.verdict("E2", F.conditions(["hiv": false, "syphilis": true])) == .notMet)
  }

  /// "any uncontrollable active infection, including … active tuberculosis"
  @Test func e3Infection() throws {
    let c = { (infection: Bool, tb: Bool) in
      F.conditions(["uncontrolledInfection": infection, "activeTuberculosis": tb])
    }
    #expect(try f.verdict("E3", c(false, false)) == .met)
    #expect(try f.verdict("E3", c(true, false)) == .notMet)
    #expect(try f.verdict("E3", c(false, true)) == .notMet)
  }

  /// "active systemic autoimmune disease": active psoriasis or vitiligo is not systemic.
  @Test func e4SystemicAutoimmunity() throws {
    #expect(try f.verdict("E4", F.conditions(["activeAutoimmuneDisease": false])) == .met)
    let active = ["activeAutoimmuneDisease": true]
    #expect(
      try f.verdict("E4", F.conditions(F.merge(active, ["activeSystemicAutoimmuneDisease": false]))) == .met)
    #expect(
      try f.verdict("E4", F.conditions(F.merge(active, ["activeSystemicAutoimmuneDisease": true]))) == .notMet
    )
    #expect(try f.verdict("E4", F.conditions(active)) == .missing)
  }

  /// "solitary extramedullary lesions"
  @Test func e5IsolatedExtramedullary() throws {
    #expect(try f.verdict("E5", F.disease(["extramedullary": "isolated"])) == .notMet)
    #expect(try f.verdict("E5", F.disease(["extramedullary": "withMarrow"])) == .met)
    #expect(try f.verdict("E5", F.disease(["extramedullary": "none"])) == .met)
  }

  /// "a history of neurological diseases, such as epilepsy … or any disease involving the central
  /// nervous system, or suspected active central nervous system (CNS) metastasis"
  @Test func e6CentralNervousSystem() throws {
    let clear = F.conditions(["cnsDisease": false, "cnsInvolvementSuspected": false])
    #expect(try f.verdict("E6", clear) == .met)
    #expect(try f.verdict("E6", clear, F.disease(["cnsStatus": "CNS2"])) == .notMet)
    #expect(try f.verdict("E6", clear, F.disease(["cnsStatus": "CNS3"])) == .notMet)
    #expect(
      try f.verdict("E6", F.conditions(["cnsDisease": true, "cnsInvolvementSuspected": false])) == .notMet)
    #expect(
      try f.verdict("E6", F.conditions(["cnsDisease": false, "cnsInvolvementSuspected": true])) == .notMet)
  }

  /// "bone marrow failure … genetic syndromes … Patients with Down syndrome were not excluded."
  @Test func e7MarrowFailureSyndromes() throws {
    #expect(try f.verdict("E7", F.conditions(["boneMarrowFailureSyndrome": true])) == .notMet)
    #expect(
      try f.verdict("E7", F.conditions(["boneMarrowFailureSyndrome": false, "downSyndrome": true])) == .met)
  }

  /// "have received stem cell transplantation within 12 weeks before signing the informed consent;
  /// Received donor lymphocyte infusion (DLI) within 6 weeks"
  @Test func e9TransplantAndDLI() throws {
    let c = F.consent
    #expect(try f.verdict("E9", F.history(F.event("hsct.allogeneic", on: F.day(-84, from: c)))) == .notMet)
    #expect(try f.verdict("E9", F.history(F.event("hsct.allogeneic", on: F.day(-85, from: c)))) == .met)
    #expect(try f.verdict("E9", F.history(F.event("dli", on: F.day(-42, from: c)))) == .notMet)
    #expect(try f.verdict("E9", F.history(F.event("dli", on: F.day(-43, from: c)))) == .met)
    // A DLI between consent and screening is within 6 weeks on any reading.
    #expect(try f.verdict("E9", F.history(F.event("dli", on: F.day(2, from: c)))) == .notMet)
  }

  /// "anthracyclines, vinblastines, 6-mercaptopurine, 6-thioguanine, methotrexate, cytarabine,
  /// asparaginase, etc. within 7 days before infusion"
  @Test func e10aChemotherapy() throws {
    for drug in ["chemotherapy.anthracycline", "chemotherapy.mercaptopurine", "chemotherapy.cytarabine"] {
      #expect(try f.verdict("E10a", soon, F.history(F.event(drug, on: F.day(-5)))) == .notMet, "\(drug)")
      #expect(try f.verdict("E10a", soon, F.history(F.event(drug, on: F.day(-6)))) == .met, "\(drug)")
    }
    let maintenance = F.event("chemotherapy.mercaptopurine", on: F.day(-120), ["ongoing": true])
    #expect(try f.verdict("E10a", soon, F.history(maintenance)) == .notMet)
  }

  /// "Hydroxyurea and tyrosine kinase inhibitors were used within 3 days before infusion"
  @Test func e10bHydroxyureaAndTKI() throws {
    for drug in ["chemotherapy.hydroxyurea", "tki"] {
      #expect(try f.verdict("E10b", soon, F.history(F.event(drug, on: F.day(-1)))) == .notMet, "\(drug)")
      #expect(try f.verdict("E10b", soon, F.history(F.event(drug, on: F.day(-2)))) == .met, "\(drug)")
    }
    #expect(
      try f.verdict("E10b", soon, F.history(F.event("tki", on: F.day(-60), ["ongoing": true]))) == .notMet)
  }

  /// "Radiotherapy was used within 1 week before infusion (2 weeks interval for lung radiotherapy
  /// and 8 weeks interval for CNS radiotherapy)"
  @Test func e10cRadiotherapy() throws {
    for (site, days) in [("radiotherapy.other", 7), ("radiotherapy.lung", 14), ("radiotherapy.cns", 56)] {
      #expect(
        try f.verdict("E10c", soon, F.history(F.event(site, on: F.day(2 - days)))) == .notMet, "\(site)")
      #expect(try f.verdict("E10c", soon, F.history(F.event(site, on: F.day(1 - days)))) == .met, "\(site)")
    }
    // A cranial course from 9 to 6 weeks before infusion.
    let course = F.event("radiotherapy.cns", on: F.day(2 - 63), ["endDate": F.day(2 - 42)])
    #expect(try f.verdict("E10c", soon, F.history(course)) == .notMet)
  }

  /// "CNS prophylactic therapy (such as intrathecal injection of chemotherapeutic drugs) within 1 week before infusion"
  @Test func e10dIntrathecal() throws {
    #expect(
      try f.verdict("E10d", soon, F.history(F.event("chemotherapy.intrathecal", on: F.day(-5)))) == .notMet)
    #expect(
      try f.verdict("E10d", soon, F.history(F.event("chemotherapy.intrathecal", on: F.day(-6)))) == .met)
  }

  /// "any T-cell lysis or antibody (such as alemtuzumab) within 8 weeks before infusion"
  @Test func e10eTCellLytic() throws {
    #expect(try f.verdict("E10e", soon, F.history(F.event("antibody.tCellLytic", on: F.day(-54)))) == .notMet)
    #expect(try f.verdict("E10e", soon, F.history(F.event("antibody.tCellLytic", on: F.day(-55)))) == .met)
  }

  /// "monoclonal antibody, double antibody or ADC within 4 weeks before infusion"
  @Test func e10fAntibodies() throws {
    for drug in ["antibody.monoclonal", "antibody.bispecific", "antibody.drugConjugate"] {
      #expect(try f.verdict("E10f", soon, F.history(F.event(drug, on: F.day(-26)))) == .notMet, "\(drug)")
      #expect(try f.verdict("E10f", soon, F.history(F.event(drug, on: F.day(-27)))) == .met, "\(drug)")
    }
    // A 28-day blinatumomab infusion that ended 2 weeks before infusion.
    let course = F.event("antibody.bispecific", on: F.day(2 - 42), ["endDate": F.day(2 - 14)])
    #expect(try f.verdict("E10f", soon, F.history(course)) == .notMet)
  }

  /// "systemic glucocorticoids equivalent to >15 mg/ day prednisone within 3 days before
  /// infusion, except for glucocorticoids used locally"
  @Test func e10gSystemicSteroids() throws {
    let steroid = { (dose: Double, day: Int) in
      F.history(F.event("steroid", on: F.day(day), ["prednisoneEquivalentMgPerDay": dose, "route": "oral"]))
    }
    #expect(try f.verdict("E10g", soon, steroid(15.5, -1)) == .notMet)
    #expect(try f.verdict("E10g", soon, steroid(15, -1)) == .met)
    #expect(try f.verdict("E10g", soon, steroid(15.5, -2)) == .met)
    let inhaled = F.event("steroid", on: F.day(-1), ["prednisoneEquivalentMgPerDay": 40, "route": "inhaled"])
    #expect(try f.verdict("E10g", soon, F.history(inhaled)) == .met)
    let unknownRoute = F.event("steroid", on: F.day(-1), ["prednisoneEquivalentMgPerDay": 40])
    #expect(try f.verdict("E10g", soon, F.history(unknownRoute)) == .missing)
  }

  /// "Polyethylene glycol asparaginase was used within 4 weeks before infusion"
  @Test func e10hPegAsparaginase() throws {
    let peg = "chemotherapy.pegAsparaginase"
    #expect(try f.verdict("E10h", soon, F.history(F.event(peg, on: F.day(-26)))) == .notMet)
    #expect(try f.verdict("E10h", soon, F.history(F.event(peg, on: F.day(-27)))) == .met)
  }

  /// "vaccinated with live attenuated vaccine, inactivated vaccine or RNA vaccine within 4 weeks
  /// before signing the informed consent"
  @Test func e11Vaccines() throws {
    let c = F.consent
    for vaccine in ["vaccine.live", "vaccine.inactivated", "vaccine.rna"] {
      #expect(
        try f.verdict("E11", F.history(F.event(vaccine, on: F.day(-28, from: c)))) == .notMet, "\(vaccine)")
      #expect(
        try f.verdict("E11", F.history(F.event(vaccine, on: F.day(-29, from: c)))) == .met, "\(vaccine)")
    }
  }

  /// "allergic or intolerant to Qinglin drugs and tocilizumab, or allergic to components (dimethyl
  /// sulfoxide /dmso) in ct1190b cell infusion preparations; Or previous history of other serious
  /// allergies such as anaphylactic shock"
  @Test func e12AllergyAndIntolerance() throws {
    let none: RecordPatch = [
      "studyDrugHypersensitivity": false, "studyDrugAllergy": false, "studyDrugIntolerance": false,
      "severeAllergyHistory": false,
    ]
    #expect(try f.verdict("E12", F.conditions(none)) == .met)
    for fact in [
      "studyDrugAllergy", "studyDrugIntolerance", "studyDrugHypersensitivity", "severeAllergyHistory",
    ] {
      #expect(try f.verdict("E12", F.conditions(none), F.conditions([fact: true])) == .notMet, "\(fact)")
    }
  }

  /// "New York Heart Association (NYHA) class III or IV heart failure"
  @Test func e13aHeartFailure() throws {
    #expect(try f.verdict("E13a", F.conditions(["nyhaClass": 2])) == .met)
    #expect(try f.verdict("E13a", F.conditions(["nyhaClass": 3])) == .notMet)
  }

  /// "A history of clinically significant uncontrolled arrhythmias"; "A history of severe non ischemic cardiomyopathy"
  @Test func e13bcCardiacHistory() throws {
    #expect(try f.verdict("E13b", F.conditions(["uncontrolledArrhythmia": false])) == .met)
    #expect(try f.verdict("E13b", F.conditions(["uncontrolledArrhythmia": true])) == .notMet)
    #expect(try f.verdict("E13c", F.conditions(["nonIschemicCardiomyopathy": false])) == .met)
    #expect(try f.verdict("E13c", F.conditions(["nonIschemicCardiomyopathy": true])) == .notMet)
  }

  /// "second primary malignant tumors that need treatment or have not been completely relieved in
  /// the past 2 years, except the following successfully treated tumors …"
  @Test func e15SecondMalignancy() throws {
    #expect(try f.verdict("E15", F.history()) == .met)
    // A breast cancer in complete remission for one year: not completely relieved within 2 years.
    let breast = F.event("malignancy", on: F.day(-700), ["endDate": F.day(-365), "type": "other"])
    #expect(try f.verdict("E15", F.history(breast)) == .notMet)
    // Needing treatment at screening.
    let active = F.event("malignancy", on: F.day(-30), ["ongoing": true, "type": "other"])
    #expect(try f.verdict("E15", F.history(active)) == .notMet)
    // Completely relieved exactly 2 years before screening, and a day before that.
    let s = F.screening
    let relieved = { (end: CivilDate) in
      F.event(
        "malignancy", on: s.adding(years: -4).description, ["endDate": end.description, "type": "other"])
    }
    #expect(try f.verdict("E15", F.history(relieved(s.adding(years: -2)))) == .notMet)
    #expect(try f.verdict("E15", F.history(relieved(s.adding(years: -2).adding(days: -1)))) == .met)
    // A second B-cell lymphoma is a second primary malignancy with no exception.
    let lymphoma = F.event("malignancy", on: F.day(-300), ["endDate": F.day(-100), "type": "bCell"])
    #expect(try f.verdict("E15", F.history(lymphoma)) == .notMet)
    // The successfully treated low-grade tumours are excepted; untreated ones are not.
    for type in [
      "basalCell", "skinSquamous", "prostateLowRisk", "prostateNonMetastatic", "breastInSitu", "cervixInSitu",
      "bladderNonMuscleInvasive", "thyroid",
    ] {
      let treated = F.event("malignancy", on: F.day(-200), ["endDate": F.day(-100), "type": type])
      #expect(try f.verdict("E15", F.history(treated)) == .met, "\(type) treated")
      let untreated = F.event("malignancy", on: F.day(-200), ["ongoing": true, "type": type])
      #expect(try f.verdict("E15", F.history(untreated)) == .notMet, "\(type) untreated")
    }
  }

  /// "major surgery within 2 weeks before signing the informed consent, or major surgery planned
  /// during the study or within 4 weeks after giving the study treatment"
  @Test func e16MajorSurgery() throws {
    let c = F.consent
    #expect(try f.verdict("E16", F.history(F.event("surgery.major", on: F.day(-14, from: c)))) == .notMet)
    #expect(try f.verdict("E16", F.history(F.event("surgery.major", on: F.day(-15, from: c)))) == .met)
    #expect(try f.verdict("E16", F.history(F.event("surgery.minor", on: F.day(-3, from: c)))) == .met)
    #expect(try f.verdict("E16", F.history(F.event("surgery.major", on: F.day(2, from: c)))) == .notMet)
    let planned: RecordPatch = [
      "plans": [
        "complete": true, "events": [["class": "surgery.major", "date": F.day(14, from: F.infusion)]],
      ]
    ]
    #expect(try f.verdict("E16", F.history(), planned) == .notMet)
    #expect(try f.verdict("E16", F.history(), ["plans": ["complete": false, "events": []]]) == .missing)
  }

  /// "after organ transplantation"
  @Test func e17OrganTransplant() throws {
    #expect(try f.verdict("E17", F.conditions(["organTransplantRecipient": true])) == .notMet)
    #expect(try f.verdict("E17", F.conditions(["organTransplantRecipient": false])) == .met)
  }

  /// E13d and E14 are the investigator's judgement.
  @Test func attestations() throws {
    for id in ["E13d", "E14"] { #expect(try f.verdict(id) == .attestation, "\(id)") }
  }

  /// E8: "for patients who relapsed after treatment with drugs targeting CD19 and / or CD20 before
  /// screening, the investigator judged that they could not benefit": the investigator is asked
  /// only about a patient treated with such a drug.
  @Test func e8JudgementAfterCD19OrCD20Therapy() throws {
    #expect(try f.verdict("E8", F.history()) == .met)
    #expect(try f.verdict("E8", F.history(F.event("antiCD3", on: F.day(-200)))) == .met)
    for drug in ["antiCD19", "antiCD20", ["carT", "antiCD19"]] as [Any] {
      #expect(try f.verdict("E8", F.history(F.event(drug, on: F.day(-200)))) == .attestation, "\(drug)")
    }
    #expect(try f.verdict("E8", ["history": ["complete": false, "events": []]]) == .missing)
    let attested: RecordPatch = [
      "attestations": [["protocol": "NCT07470073", "criterion": "E8", "verdict": "notMet"]]
    ]
    #expect(try f.verdict("E8", F.history(F.event("antiCD20", on: F.day(-200))), attested) == .notMet)
    let evidence = try f.result("E8", F.history()).evidence
    #expect(evidence.contains("does not hold"), "\(evidence)")
  }
}
