/// The values a draft protocol fills in where a registry record is silent, each with the reason
/// given in the protocol file (`assumption:`), worded as the bundled seed protocols word them
/// (`Sources/ProtocolFiles/Resources/Protocols/*.yaml`).
enum DraftDefaults {
  static let design = "3+3"
  static let target = 0.3
  static let targetAssumption =
    "registry record gives no target DLT rate; 3+3 targets about 1/6–1/3, 0.30 is conventional"
  static let cohortSize = 3
  static let cohortAssumption =
    "registry record gives no cohort size; cohorts of 3 are standard for this design"
  static let dltWindowDays = 28
  static let dltWindowAssumption =
    "registry record gives no DLT window; 28 days after infusion is the usual CAR-T phase I window (ZUMA-3 phase 1, Shah et al., Blood 2021)"
  static let patientsPerLevel = 6
  static func maxSampleAssumption(levels: Int) -> String {
    "registry record gives no escalation sample size; at most \(patientsPerLevel) patients at each of \(levels) level\(levels == 1 ? "" : "s") (3+3)"
  }
  /// The seed protocol NCT04825496's assumed levels when the record states none.
  static let levels: [Double] = [1.0e6, 3.0e6, 5.0e6]
  static let levelsAssumption =
    "registry record states no dose levels; three levels assumed for a 3+3 escalation — replace with the protocol's levels"
  static let lymphodepletionAssumption =
    "registry names fludarabine and cyclophosphamide without doses; 30 and 300 mg/m²/day on days -5 to -3 assumed"

  /// The DLT rules of the seed protocols (each a recalled, unverified [R] template), as YAML lines
  /// under `assessment:`. Source: NCT04825496.yaml, after ZUMA-3 phase 1 (Shah et al., Blood
  /// 2021;138:11–22) and NCI CD19-28z (Lee et al., Lancet 2015;385:517–528).
  static let dltRules: String = """
      # DLT rules. The registry states no DLT criteria, so each rule below is a recalled, unverified [R] CAR-T phase 1 template
      # (ZUMA-3 phase 1: Shah et al., Blood 2021;138:11–22; NCI CD19-28z: Lee et al., Lancet 2015;385:517–528); replace with the protocol's text.
      # CRS and ICANS are graded by ASTCT 2019 (not CTCAE), labs by CTCAE v5.0.
      dlt:
        rules:
          - id: crs-grade-4
            description: "Grade 4 CRS (ASTCT 2019)"
            source: crs
            minimumGrade: 4
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z): any grade 4 CRS (some protocols: not improving to ≤2 within 72 h)"
          - id: icans-grade-3-persistent
            description: "Grade 3 ICANS not improving to ≤ grade 1 within 3 days"
            source: icans
            minimumGrade: 3
            persistence: {resolvesToGrade: 1, withinDays: 3}
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z): published windows are 3–7 days, the shortest is taken"
          - id: icans-grade-4
            description: "Any grade 4 ICANS"
            source: icans
            minimumGrade: 4
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z)"
          - id: cerebral-edema
            description: "Grade ≥3 cerebral oedema"
            source: adverseEvent
            terms: ["Cerebral edema"]
            minimumGrade: 3
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z)"
          - id: organ-toxicity
            description: "Grade ≥3 non-haematological toxicity not resolving to ≤2 within 7 days"
            source: nonHaematological
            minimumGrade: 3
            persistence: {resolvesToGrade: 2, withinDays: 7}
            exclusions: [fever, labOnlyFinding, attributableToLymphodepletion]
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z): 7 days is the common window"
          - id: cytopenia-grade-4
            description: "Grade 4 neutropenia or thrombocytopenia present after day 28"
            source: lab
            terms: [neutrophils, platelets]
            minimumGrade: 4
            persistence: {presentAfterDay: 28}
            exclusions: [cytopeniaFromMarrowDisease]
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z): some protocols use day 42"
          - id: infusion-reaction
            description: "Grade ≥3 infusion or allergic reaction"
            source: adverseEvent
            terms: ["Infusion related reaction", "Allergic reaction"]
            minimumGrade: 3
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z)"
          - id: autoimmune
            description: "Grade ≥3 autoimmune toxicity"
            source: adverseEvent
            terms: ["Autoimmune disorder"]
            minimumGrade: 3
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z)"
          - id: treatment-related-death
            description: "Treatment-related death (grade 5)"
            source: anyAdverseEvent
            minimumGrade: 5
            requiresRelatedness: true
            assumption: "registry states no DLT criteria; recalled CAR-T phase 1 template [R] (ZUMA-3, NCI CD19-28z)"
    """
}
