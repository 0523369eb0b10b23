import Eligibility
import Registry
import Testing
import TrialModel

/// Each rule of ``CriteriaSuggester`` on criterion texts taken verbatim from real records (the
/// seed protocols and the reference corpus; the record is named), with the expression derived by
/// hand from the text and the criteria language's README, and texts the rule must decline.
@Suite struct SuggestRuleTests {
  let suggester = CriteriaSuggester()

  /// (record, text, is exclusion, expected expression, expected rule)
  typealias Case = (String, String, Bool, String, String)

  static let recognised: [Case] = [
    // age: minimum exact age, inclusive maximum in completed years (README: AgeRange)
    ("NCT04825496 I6", "Age 18 to 65", false, "age >= 18 years and completedAge <= 65 years", "age-range"),
    (
      "NCT07470073 I2", "aged 12-75 years (inclusive);", false,
      "age >= 12 years and completedAge <= 75 years", "age-range"
    ),
    (
      "NCT06386939", "2. Age 20 to 70 years", false, "age >= 20 years and completedAge <= 70 years",
      "age-range"
    ),
    ("NCT01165944", "Aged 20-70", false, "age >= 20 years and completedAge <= 70 years", "age-range"),
    ("NCT00931528", "7. Age ≥ 18 years", false, "age >= 18 years", "age-range"),
    ("NCT00205894", "2. Be 18 years of age or older", false, "", ""),  // "Be" is not accounted for: nil
    // performance status
    (
      "NCT04825496 I9", "Eastern cooperative oncology group (ECOG) performance status of 0 to 1", false,
      "ecog <= 1", "ecog-range"
    ),
    ("NCT05270772 I3", "The ECOG behavior status score is 0-2 points;", false, "ecog <= 2", "ecog-range"),
    (
      "NCT05952557", "Eastern Cooperative Oncology Group (ECOG) performance status of ≤ 1", false,
      "ecog <= 1", "ecog-range"
    ),
    ("NCT03801200", "4. ECOG PS score: 0-2;", false, "ecog <= 2", "ecog-range"),
    (
      "NCT04204473", "5. Eastern Cooperative Oncology Group (ECOG) performance score 0 or 1.", false,
      "ecog <= 1", "ecog-range"
    ),
    ("NCT06442748", "Karnofsky Performance Scale (KPS) ≥ 50", false, "karnofsky >= 50", "karnofsky"),
    ("NCT00711529", "Karnofsky performance status \\> 70%.", false, "karnofsky > 70", "karnofsky"),
    (
      "NCT05350787 I3", "Karnofsky Score ≥ 70 or Lansky Score ≥ 50.", false,
      "karnofsky >= 70 or lansky >= 50", "karnofsky-or-lansky"
    ),
    // life expectancy: "more than" strict, "at least"/≥ inclusive
    (
      "NCT04825496 I11", "The estimated survival time is more than 3 months", false,
      "lifeExpectancy > 3 months", "life-expectancy"
    ),
    (
      "NCT05270772 I4", "Expected survival time ≥ 3 months;", false, "lifeExpectancy >= 3 months",
      "life-expectancy"
    ),
    (
      "NCT07470073 I6", "estimated survival >12 weeks;", false, "lifeExpectancy > 12 weeks", "life-expectancy"
    ),
    (
      "NCT03634059", "9. Life expectancy greater than or equal to 3 months;", false,
      "lifeExpectancy >= 3 months", "life-expectancy"
    ),
    (
      "NCT05350787 I4", "Patients who have a life expectancy of at least 12 weeks.", false,
      "lifeExpectancy >= 12 weeks", "life-expectancy"
    ),
    // labs
    ("NCT04825496 I4b", "(2)creatinine ≤ 1.6mg/dl;", false, "creatinine <= 1.6 mg/dL", "lab-threshold"),
    (
      "NCT04825496 I4c", "(3)ALT and AST≤3 times the ULN for age, total bilirubin ≤ 2.0mg/dl;", false,
      "alt <= 3 ×ULN and ast <= 3 ×ULN and bilirubin <= 2.0 mg/dL", "lab-threshold"
    ),
    (
      "NCT04825496 I4a",
      "Adequate organ function defined as:(1)left ventricular ejection fraction ≥ 50% by echocardiogram;",
      false, "lvef[method == echocardiography] >= 50 %", "lab-threshold"
    ),
    (
      "NCT05270772 E3",
      "Abnormal liver function (total bilirubin>1.5×ULN, ALT>2.5×ULN), abnormal renal function (serum creatinine>1.5×ULN);",
      true, "bilirubin > 1.5 ×ULN or alt > 2.5 ×ULN or creatinine > 1.5 ×ULN", "lab-threshold"
    ),
    (
      "NCT07470073 I7e", "5. Left ventricular ejection fraction (LVEF) ≥ 50%.", false, "lvef >= 50 %",
      "lab-threshold"
    ),
    (
      "NCT07470073 I7c",
      "3. International normalized ratio (INR) and activated partial thromboplastin time (APTT) ≤ 1.5 × ULN;",
      false, "inr <= 1.5 ×ULN and aptt <= 1.5 ×ULN", "lab-threshold"
    ),
    (
      "NCT01811251",
      "Severe renal impairment defined by a creatinine clearance less than or equal to 30 mL/min.", true,
      "", ""
    ),  // "severe renal impairment defined by a" is not a heading the rule knows: nil
    (
      "NCT02369484", "Adequate renal function: Calculated creatinine clearance ≥ 45mL/min (Cockroft-Gault)",
      false,
      "crcl >= 45 mL/min", "lab-threshold"
    ),
    // washout windows: an exclusion states the exposure, no anchor → screening
    (
      "NCT04825496 E13", "Has had treat with live vaccine within 6 weeks prior to screening", true,
      "vaccine.live within 6 weeks before screening", "washout-window"
    ),
    (
      "NCT05270772 E10", "Participated in other clinical trials within 30 days;", true,
      "clinicalTrial within 30 days before screening", "washout-window"
    ),
    (
      "NCT04825496 E17",
      "Patient has an investigational medicinal product within 3 months before signing informed consent",
      true,
      "investigationalProduct within 3 months before consent", "washout-window"
    ),
    // diagnosis
    (
      "NCT05350787 I1", "Patients with relapse/refractory B-ALL.", false, "bAll and (relapsed or refractory)",
      "diagnosis-rr-ball"
    ),
    (
      "NCT05270772 I2",
      "According to the 2020 World Health Organization (WHO) diagnostic criteria, it is diagnosed as relapsed/refractory B-cell acute lymphoblastic leukemia (r/r B-ALL);",
      false, "bAll and (relapsed or refractory)", "diagnosis-rr-ball"
    ),
    // CD19 / CD20
    (
      "NCT04825496 I2",
      "CD19 tumor expression demonstrated in bone marrow or peripheral blood by flow cytometry", false,
      "cd19[specimen in (boneMarrow, peripheralBlood), method == flowCytometry]", "antigen-expression"
    ),
    (
      "NCT05270772 I5", "Flow cytometry confirms that the original cells express CD19;", false,
      "cd19[method == flowCytometry]", "antigen-expression"
    ),
    (
      "NCT07470073 I4", "CD19 and / or CD20 positive in bone marrow or peripheral blood;", false,
      "cd19[specimen in (boneMarrow, peripheralBlood)] or cd20[specimen in (boneMarrow, peripheralBlood)]",
      "antigen-expression"
    ),
    // prior HSCT / CAR-T
    (
      "NCT06062823", "19. Previous allogeneic bone marrow transplant.", true, "ever(hsct.allogeneic)",
      "prior-therapy"
    ),
    (
      "NCT06194448", "Prior allogeneic bone marrow transplant.", true, "ever(hsct.allogeneic)",
      "prior-therapy"
    ),
    // pregnancy
    ("NCT04825496 E14", "Pregnant or lactating women", true, "pregnant or lactating", "pregnancy-lactation"),
    ("NCT03463954", "Pregnant or breast-feeding", true, "pregnant or lactating", "pregnancy-lactation"),
    ("NCT06589271", "5. Pregnant women;", true, "pregnant", "pregnancy-lactation"),
    // infections
    ("NCT05270772 E2", "Active infection;", true, "activeInfection", "infection"),
    ("NCT05270772 E5", "HIV/AIDS patients;", true, "hiv", "infection"),
    (
      "NCT04825496 E7", "Infected with HIV, syphilis or COVID-19", true, "hiv or syphilis or covid19",
      "infection"
    ),
    (
      "NCT04825496 E6", "Has uncontrolled bacteria, fungi, viruses, mycoplasma or other types of infections",
      true,
      "uncontrolledInfection", "infection"
    ),
    (
      "NCT05350787 E3", "Uncontrollable bacterial, fungal and viral infection during screening.", true,
      "uncontrolledInfection", "infection"
    ),
  ]

  /// Texts no rule may translate: a clause the rules do not read, an alternative, an exception,
  /// an anchor the language has no date for, a sex restriction, a history that is not active disease.
  static let declined: [(String, String, Bool)] = [
    ("NCT03880994", "Men aged 18 - 45 years.", false),
    ("NCT06050980", "2. ECOG=0-1, with no deterioration in 2 weeks before first dose of HSK40118.", false),
    (
      "NCT03826992", "Karnofsky/ Lanksy performance level score of greater than or equal to 50 percent", false
    ),
    ("NCT03566914", "6. Patients with Karnofsky performance status of below 70% were excluded", true),
    ("NCT05266625", "In the opinion of the investigator, life expectancy \\< one (1) year", true),
    (
      "NCT07470073 I7b",
      "2. Alanine aminotransferase (ALT) and aspartate aminotransferase (AST) ≤ 3 × ULN, total bilirubin ≤ 1.5 × ULN; In case of hepatobiliary invasion: AST and alt ≤ 5 × ULN, total bilirubin ≤ 3.0 × ULN;",
      false
    ),
    ("NCT02759614", "Serum creatinine≤1.5×ULN or calculated creatinine clearance≧45mL/min AND", false),
    ("NCT01276145", "1. Creatinine Clearance \\< 60mL/min/1.73m2", true),
    ("NCT05270772 E7", "Those who received radiotherapy within 4 weeks before the start of the study;", true),
    (
      "NCT03416231",
      "22\\. Patients who have taken part in other drug clinical tests within 4 weeks before screening.", true
    ),
    (
      "NCT04825496 I1",
      "Relapsed or refractory acute lymphoblastic leukemia (ALL):(1)Any Relaps after first remission OR (2)Any BM relapse after allogeneic SCT and must be ≥ 3 months from SCT at the time of ssCART-19 infusion",
      false
    ),
    (
      "NCT05350787 I2",
      "Tumor cells from bone marrow or peripheral blood are measured CD19+ with 3 months before enrollment.",
      false
    ),
    ("NCT05170204", "Prior allogeneic stem cell or solid organ transplantation", true),
    (
      "NCT03416231",
      "26\\. Pregnant or lactating women, fertile patients who are unwilling or unable to take effective contraceptive measures.",
      true
    ),
    ("NCT03256916", "HIV positive patients will be excluded.", true),
    ("NCT06737822", "Patients with known HIV, hepatitis B or C infection.", true),
    ("NCT02496845", "History of HIV, hepatitis B, hepatitis C;", true),
    (
      "NCT06194448",
      "6. Patients with HIV are only eligible for inclusion if they meet all the following criteria:", false
    ),
    (
      "NCT04825496 E3",
      "Has had treatment with any prior anti-CD19/anti-CD3 therapy, or any other antiCD19 therapy", true
    ),
  ]

  @Test(arguments: recognised)
  func recognisesRealTexts(_ c: Case) throws {
    let (record, text, isExclusion, expected, rule) = c
    let suggestion = suggester.suggest(text, isExclusion: isExclusion)
    if expected.isEmpty {
      #expect(suggestion == nil, "\(record): \(text)")
      return
    }
    let s = try #require(suggestion, "\(record): \(text)")
    #expect(s.expression == expected, "\(record)")
    #expect(s.rule == rule, "\(record)")
    // The expected expression itself is valid criteria language (the reference is not a typo).
    _ = try CriteriaCompiler.compile(
      protocolID: "t",
      criteria: [
        Criterion(id: "C", text: text, kind: isExclusion ? .exclusion : .inclusion, expression: expected)
      ])
  }

  @Test(arguments: declined)
  func declinesDoubtfulTexts(_ c: (String, String, Bool)) {
    #expect(suggester.suggest(c.1, isExclusion: c.2) == nil, "\(c.0): \(c.1)")
  }

  /// The same text as an inclusion and as an exclusion: a rule that only reads one kind declines
  /// the other (an inclusion "Pregnant or lactating women" is not a criterion to translate).
  @Test func kindMatters() {
    #expect(suggester.suggest("Pregnant or lactating women", isExclusion: false) == nil)
    #expect(suggester.suggest("Age 18 to 65", isExclusion: true) == nil)
    #expect(suggester.suggest("ECOG ≥ 3", isExclusion: true)?.expression == "ecog >= 3")
    #expect(suggester.suggest("ECOG ≥ 3", isExclusion: false) == nil)
    #expect(suggester.suggest("creatinine ≤ 1.6 mg/dl", isExclusion: true) == nil)
  }

  /// Assumptions name what the text left open.
  @Test func assumptionsNameWhatTheTextLeftOpen() throws {
    let uln = try #require(suggester.suggest("ALT ≤ 2.5 × ULN", isExclusion: false))
    #expect(uln.assumptions.contains { $0.contains("ULN") })
    let window = try #require(
      suggester.suggest("Participated in other clinical trials within 30 days;", isExclusion: true))
    #expect(window.assumptions.contains { $0.contains("no anchor") })
    let echo = try #require(
      suggester.suggest("5. Left ventricular ejection fraction (LVEF) ≥ 50%.", isExclusion: false))
    #expect(echo.assumptions.contains { $0.contains("method") })
  }
}
