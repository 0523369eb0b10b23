import Inputs

/// Protocol-level settings for clinical assessment: CRS/ICANS grading, DLT rules and B-ALL response
/// criteria (the protocol file's `assessment:` section). Plain data; the rules live in `Assessment`.
///
/// Every field may be omitted in the protocol file. An omitted field takes the published default
/// (ASTCT 2019, CTCAE v5.0, ELIANA), and when that default is recalled rather than verified ([R])
/// or a choice between published variants, the value carries the assumption (`recalled default
/// [R]: …`, naming the source) so that every tool printing it shows it is assumed.
public struct AssessmentSettings: Sendable, Hashable, Codable {
  /// ASTCT 2019 CRS grading settings.
  public var crs: CRSSettings
  /// ASTCT 2019 ICANS grading settings.
  public var icans: ICANSSettings
  /// Dose-limiting toxicity rules and window.
  public var dlt: DLTSettings
  /// B-ALL response criteria.
  public var response: ResponseSettings

  public init(
    crs: CRSSettings = CRSSettings(), icans: ICANSSettings = ICANSSettings(),
    dlt: DLTSettings = DLTSettings(), response: ResponseSettings = ResponseSettings()
  ) {
    self.crs = crs
    self.icans = icans
    self.dlt = dlt
    self.response = response
  }

  private enum CodingKeys: String, CodingKey { case crs, icans, dlt, response }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    crs = try c.decodeIfPresent(CRSSettings.self, forKey: .crs) ?? CRSSettings()
    icans = try c.decodeIfPresent(ICANSSettings.self, forKey: .icans) ?? ICANSSettings()
    dlt = try c.decodeIfPresent(DLTSettings.self, forKey: .dlt) ?? DLTSettings()
    response = try c.decodeIfPresent(ResponseSettings.self, forKey: .response) ?? ResponseSettings()
  }
}

/// ASTCT 2019 CRS grading settings (Lee et al., Biol Blood Marrow Transplant 2019;25:625–638).
public struct CRSSettings: Sendable, Hashable, Codable {
  /// Fever threshold in °C; fever is temperature ≥ this value (ASTCT: 38.0 °C).
  public var feverThresholdCelsius: Assumed<Double>
  /// Highest oxygen flow in L/min that still counts as low flow (ASTCT: 6 L/min is low flow).
  public var lowFlowMaximumLitresPerMinute: Assumed<Double>
  /// Hypotension from a systolic pressure when no explicit finding is given: SBP below this value
  /// in mmHg from ``hypotensionAdultFromAgeYears`` on (PMC8021214 adaptation; ASTCT gives none).
  public var adultHypotensionSystolicBelow: Assumed<Double>
  /// Children: SBP below `base + perYear × age` mmHg (the PALS formula) …
  public var paediatricHypotensionBaseMmHg: Assumed<Double>
  public var paediatricHypotensionPerYearMmHg: Assumed<Double>
  /// … up to this age; the adult threshold applies from it on.
  public var hypotensionAdultFromAgeYears: Assumed<Double>

  public init() {
    let pals =
      "recalled default [R]: ASTCT 2019 leaves hypotension to age norms; PALS formula"
    feverThresholdCelsius = Assumed(38.0)
    lowFlowMaximumLitresPerMinute = Assumed(6.0)
    adultHypotensionSystolicBelow = Assumed(90, assumption: "adult adaptation of ASTCT 2019 in PMC8021214")
    paediatricHypotensionBaseMmHg = Assumed(70, assumption: pals)
    paediatricHypotensionPerYearMmHg = Assumed(2, assumption: pals)
    hypotensionAdultFromAgeYears = Assumed(10, assumption: pals)
  }

  private enum CodingKeys: String, CodingKey {
    case feverThresholdCelsius, lowFlowMaximumLitresPerMinute, adultHypotensionSystolicBelow
    case paediatricHypotensionBaseMmHg, paediatricHypotensionPerYearMmHg, hypotensionAdultFromAgeYears
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    try c.update(&feverThresholdCelsius, .feverThresholdCelsius)
    try c.update(&lowFlowMaximumLitresPerMinute, .lowFlowMaximumLitresPerMinute)
    try c.update(&adultHypotensionSystolicBelow, .adultHypotensionSystolicBelow)
    try c.update(&paediatricHypotensionBaseMmHg, .paediatricHypotensionBaseMmHg)
    try c.update(&paediatricHypotensionPerYearMmHg, .paediatricHypotensionPerYearMmHg)
    try c.update(&hypotensionAdultFromAgeYears, .hypotensionAdultFromAgeYears)
  }
}

/// ASTCT 2019 ICANS grading settings.
public struct ICANSSettings: Sendable, Hashable, Codable {
  /// Children younger than this age in years are assessed with CAPD instead of ICE. ASTCT says ICE
  /// is unsuitable below 12; NCIt says CAPD for 12 and under (NCIt C188936).
  public var capdBelowAgeYears: Assumed<Double>
  /// CAPD total at or above which the screen is positive and ICANS is grade 3 (CHOP CAPD page: 9).
  public var capdGrade3Minimum: Assumed<Int>

  public init(
    capdBelowAgeYears: Assumed<Double> = Assumed(
      12, assumption: "ASTCT 2019 (Lee et al.): CAPD below 12; NCIt C188936 says ≤12"),
    capdGrade3Minimum: Assumed<Int> = Assumed(9)
  ) {
    self.capdBelowAgeYears = capdBelowAgeYears
    self.capdGrade3Minimum = capdGrade3Minimum
  }

  private enum CodingKeys: String, CodingKey { case capdBelowAgeYears, capdGrade3Minimum }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    try c.update(&capdBelowAgeYears, .capdBelowAgeYears)
    try c.update(&capdGrade3Minimum, .capdGrade3Minimum)
  }
}

/// DLT settings: the observation window and the rules that make a toxicity dose-limiting.
public struct DLTSettings: Sendable, Hashable, Codable {
  /// DLT window in days after infusion (day 0). `nil` means the group design's `dltWindowDays`.
  public var windowDays: Assumed<Int>?
  /// The DLT rules; a subject has a DLT when any rule is met (default: a CAR-T phase 1 template).
  public var rules: [DLTRule]

  public init(windowDays: Assumed<Int>? = nil, rules: [DLTRule] = DLTRule.defaultSet) {
    self.windowDays = windowDays
    self.rules = rules
  }

  private enum CodingKeys: String, CodingKey { case windowDays, rules }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    windowDays = try c.decodeIfPresent(Assumed<Int>.self, forKey: .windowDays)
    rules = try c.decodeIfPresent([DLTRule].self, forKey: .rules) ?? DLTRule.defaultSet
  }

  /// The default window when neither the DLT settings nor the design state one: 28 days
  /// (ZUMA-3 phase 1, Shah et al., Blood 2021; as a template default it is [R]).
  public static let defaultWindowDays = Assumed(
    28, assumption: "recalled default [R]: ZUMA-3 phase 1 (Shah et al., Blood 2021) used 28 days")
}

/// Where a DLT rule reads its grades from.
public enum DLTGradeSource: String, Hashable, Codable, InputEnumeration {
  /// ASTCT CRS grades.
  case crs
  /// ASTCT ICANS grades.
  case icans
  /// CTCAE v5.0 grades of the lab term(s) named in `terms` (e.g. `neutrophils`).
  case lab
  /// CTCAE grades of the adverse-event term(s) named in `terms` (e.g. `Cerebral edema`).
  case adverseEvent
  /// Any non-haematological adverse event (CRS, ICANS and lab grades have their own rules).
  case nonHaematological
  /// Any adverse event.
  case anyAdverseEvent
}

/// A reason an event is not counted by a DLT rule.
public enum DLTExclusion: String, Hashable, Codable, InputEnumeration {
  /// The event is attributed to lymphodepleting chemotherapy.
  case attributableToLymphodepletion
  /// A cytopenia attributed to leukaemia in the marrow.
  case cytopeniaFromMarrowDisease
  /// Fever (expected with CRS).
  case fever
  /// A laboratory abnormality without clinical consequence.
  case labOnlyFinding
}

/// How long a toxicity must last to count.
public enum DLTPersistence: Sendable, Hashable, Codable {
  /// Counts unless the grade falls to `grade` or lower within `days` of onset (72 h = 3 days).
  case unlessResolvedTo(grade: Int, withinDays: Double)
  /// Counts only if the toxicity is still present after study day `day` (e.g. cytopenia > day 28).
  case presentAfterDay(Int)

  private enum CodingKeys: String, CodingKey { case resolvesToGrade, withinDays, presentAfterDay }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let day = try c.decodeIfPresent(Int.self, forKey: .presentAfterDay) {
      self = .presentAfterDay(day)
    } else {
      self = .unlessResolvedTo(
        grade: try c.decode(Int.self, forKey: .resolvesToGrade),
        withinDays: try c.decode(Double.self, forKey: .withinDays))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .unlessResolvedTo(let grade, let days):
      try c.encode(grade, forKey: .resolvesToGrade)
      try c.encode(days, forKey: .withinDays)
    case .presentAfterDay(let day): try c.encode(day, forKey: .presentAfterDay)
    }
  }
}

/// One DLT rule as protocol data: grade source, grade threshold, persistence, exclusions.
public struct DLTRule: Sendable, Hashable, Codable {
  /// Short identifier printed in verdicts (`crs-grade-4`).
  public var id: String
  /// The rule in words.
  public var description: String
  public var source: DLTGradeSource
  /// Terms for `lab` and `adverseEvent` sources (case-insensitive; oedema/edema spellings match).
  public var terms: [String]
  /// The rule applies to grades ≥ this value.
  public var minimumGrade: Int
  /// `nil`: any occurrence counts.
  public var persistence: DLTPersistence?
  public var exclusions: [DLTExclusion]
  /// Only events attributed to the investigational product count.
  public var requiresRelatedness: Bool
  /// Why the rule is assumed rather than taken from the protocol text; `nil` when stated.
  public var assumption: String?

  public init(
    id: String, description: String, source: DLTGradeSource, terms: [String] = [], minimumGrade: Int,
    persistence: DLTPersistence? = nil, exclusions: [DLTExclusion] = [], requiresRelatedness: Bool = false,
    assumption: String? = nil
  ) {
    self.id = id
    self.description = description
    self.source = source
    self.terms = terms
    self.minimumGrade = minimumGrade
    self.persistence = persistence
    self.exclusions = exclusions
    self.requiresRelatedness = requiresRelatedness
    self.assumption = assumption
  }

  private enum CodingKeys: String, CodingKey {
    case id, description, source, terms, minimumGrade, persistence, exclusions, requiresRelatedness,
      assumption
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    description = try c.decodeIfPresent(String.self, forKey: .description) ?? id
    source = try c.decode(DLTGradeSource.self, forKey: .source)
    terms = try c.decodeIfPresent([String].self, forKey: .terms) ?? []
    minimumGrade = try c.decode(Int.self, forKey: .minimumGrade)
    persistence = try c.decodeIfPresent(DLTPersistence.self, forKey: .persistence)
    exclusions = try c.decodeIfPresent([DLTExclusion].self, forKey: .exclusions) ?? []
    requiresRelatedness = try c.decodeIfPresent(Bool.self, forKey: .requiresRelatedness) ?? false
    assumption = try c.decodeIfPresent(String.self, forKey: .assumption)
  }

  private static let template = "recalled default [R]: CAR-T phase 1 template (ZUMA-3, NCI CD19-28z)"

  /// The CAR-T phase 1 template [R], typical of ZUMA-3 phase 1 (Shah et al., Blood 2021) and NCI
  /// CD19-28z (Lee et al., Lancet 2015), each rule marked as an assumption.
  public static let defaultSet: [DLTRule] = [
    DLTRule(
      id: "crs-grade-4", description: "Grade 4 CRS (ASTCT)", source: .crs, minimumGrade: 4,
      assumption: "\(template): any grade 4 CRS; some protocols require no improvement to ≤2 within 72 h"),
    DLTRule(
      id: "icans-grade-3-persistent", description: "Grade 3 ICANS not improving to ≤ grade 1 within 3 days",
      source: .icans, minimumGrade: 3, persistence: .unlessResolvedTo(grade: 1, withinDays: 3),
      assumption: "\(template): published windows are 3–7 days; the shortest is taken"),
    DLTRule(
      id: "icans-grade-4", description: "Any grade 4 ICANS", source: .icans, minimumGrade: 4,
      assumption: template),
    DLTRule(
      id: "cerebral-edema", description: "Grade ≥3 cerebral oedema", source: .adverseEvent,
      terms: ["Cerebral edema"], minimumGrade: 3, assumption: template),
    DLTRule(
      id: "organ-toxicity",
      description: "Grade ≥3 non-haematological toxicity not resolving to ≤2 within 7 days",
      source: .nonHaematological, minimumGrade: 3, persistence: .unlessResolvedTo(grade: 2, withinDays: 7),
      exclusions: [.fever, .labOnlyFinding, .attributableToLymphodepletion],
      assumption: "\(template): 7 days is the common window"),
    DLTRule(
      id: "cytopenia-grade-4", description: "Grade 4 neutropenia or thrombocytopenia present after day 28",
      source: .lab, terms: ["neutrophils", "platelets"], minimumGrade: 4, persistence: .presentAfterDay(28),
      exclusions: [.cytopeniaFromMarrowDisease],
      assumption: "\(template): some protocols use day 42"),
    DLTRule(
      id: "infusion-reaction", description: "Grade ≥3 infusion or allergic reaction", source: .adverseEvent,
      terms: ["Infusion related reaction", "Allergic reaction"], minimumGrade: 3, assumption: template),
    DLTRule(
      id: "autoimmune", description: "Grade ≥3 autoimmune toxicity", source: .adverseEvent,
      terms: ["Autoimmune disorder"], minimumGrade: 3, assumption: template),
    DLTRule(
      id: "treatment-related-death", description: "Treatment-related death (grade 5)",
      source: .anyAdverseEvent,
      minimumGrade: 5, requiresRelatedness: true, assumption: template),
  ]
}

/// How a blood count is compared with its recovery threshold: Kröger 2010 and CIBMTR use "≥",
/// ELN (Gökbuget et al., Blood 2024) uses ">".
public enum ThresholdComparison: String, Hashable, Codable, InputEnumeration {
  case atLeast = ">="
  case greaterThan = ">"
}

/// B-ALL response criteria settings (Kröger 2010 BBMT Table 4a; ELN 2024; ELIANA).
public struct ResponseSettings: Sendable, Hashable, Codable {
  /// CR requires marrow blasts below this percentage (M1: < 5%).
  public var marrowBlastsBelowPercent: Assumed<Double>
  /// ANC threshold for CR, cells/µL (1.0 × 10⁹/L).
  public var ancThresholdPerMicrolitre: Assumed<Double>
  public var ancComparison: Assumed<ThresholdComparison>
  /// Platelet threshold for CR, cells/µL (100 × 10⁹/L).
  public var plateletThresholdPerMicrolitre: Assumed<Double>
  public var plateletComparison: Assumed<ThresholdComparison>
  /// PR: marrow blasts at most this percentage …
  public var partialResponseMaximumBlastsPercent: Assumed<Double>
  /// … and reduced by at least this fraction from pretreatment.
  public var partialResponseMinimumReduction: Assumed<Double>
  /// Progressive disease: blasts increased by at least this fraction over pretreatment.
  public var progressionMinimumIncrease: Assumed<Double>
  /// Relapse after CR/CRi: marrow blasts at or above this percentage.
  public var relapseMarrowBlastsPercent: Assumed<Double>
  /// Relapse after PR: marrow blasts above this percentage (Kröger 2010).
  public var relapseAfterPartialResponseBlastsPercent: Assumed<Double>
  /// MRD is negative when below this fraction of nucleated cells.
  public var mrdNegativeBelow: Assumed<Double>
  /// … and only when the assay's sensitivity is at most this fraction (ELN: 10⁻⁴).
  public var mrdRequiredSensitivity: Assumed<Double>
  /// Best overall response is taken over assessments up to this day after infusion. `nil` means
  /// the protocol's ORR endpoint window, else ``defaultWindowDays``.
  public var windowDays: Assumed<Int>?
  /// A remission counts only if maintained for at least this many days.
  public var durabilityDays: Assumed<Int>

  public init() {
    let recalled = "recalled default [R]"
    marrowBlastsBelowPercent = Assumed(5)
    ancThresholdPerMicrolitre = Assumed(1000)
    ancComparison = Assumed(
      .greaterThan, assumption: "\(recalled): ELIANA-style \">\"; Kröger/CIBMTR use \">=\"")
    plateletThresholdPerMicrolitre = Assumed(100_000)
    plateletComparison = Assumed(
      .greaterThan, assumption: "\(recalled): ELIANA-style \">\"; Kröger/CIBMTR use \">=\"")
    partialResponseMaximumBlastsPercent = Assumed(25)
    partialResponseMinimumReduction = Assumed(0.5)
    progressionMinimumIncrease = Assumed(0.25)
    relapseMarrowBlastsPercent = Assumed(5, assumption: "\(recalled): usual CAR-T protocol threshold")
    relapseAfterPartialResponseBlastsPercent = Assumed(25)
    mrdNegativeBelow = Assumed(
      1e-4, assumption: "\(recalled): ELIANA-style <0.01% by flow (Maude, NEJM 2018)")
    mrdRequiredSensitivity = Assumed(1e-4)
    windowDays = nil
    durabilityDays = Assumed(28)
  }

  private enum CodingKeys: String, CodingKey {
    case marrowBlastsBelowPercent, ancThresholdPerMicrolitre, ancComparison, plateletThresholdPerMicrolitre
    case plateletComparison, partialResponseMaximumBlastsPercent, partialResponseMinimumReduction
    case progressionMinimumIncrease, relapseMarrowBlastsPercent, relapseAfterPartialResponseBlastsPercent
    case mrdNegativeBelow, mrdRequiredSensitivity, windowDays, durabilityDays
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    try c.update(&marrowBlastsBelowPercent, .marrowBlastsBelowPercent)
    try c.update(&ancThresholdPerMicrolitre, .ancThresholdPerMicrolitre)
    try c.update(&ancComparison, .ancComparison)
    try c.update(&plateletThresholdPerMicrolitre, .plateletThresholdPerMicrolitre)
    try c.update(&plateletComparison, .plateletComparison)
    try c.update(&partialResponseMaximumBlastsPercent, .partialResponseMaximumBlastsPercent)
    try c.update(&partialResponseMinimumReduction, .partialResponseMinimumReduction)
    try c.update(&progressionMinimumIncrease, .progressionMinimumIncrease)
    try c.update(&relapseMarrowBlastsPercent, .relapseMarrowBlastsPercent)
    try c.update(&relapseAfterPartialResponseBlastsPercent, .relapseAfterPartialResponseBlastsPercent)
    try c.update(&mrdNegativeBelow, .mrdNegativeBelow)
    try c.update(&mrdRequiredSensitivity, .mrdRequiredSensitivity)
    windowDays = try c.decodeIfPresent(Assumed<Int>.self, forKey: .windowDays)
    try c.update(&durabilityDays, .durabilityDays)
  }
}

extension ResponseSettings {
  /// The response window when neither these settings nor an ORR endpoint state one: ELIANA's
  /// "within 3 months" (Maude et al., NEJM 2018) as 91 days.
  public static let defaultWindowDays = Assumed(
    91, assumption: "ELIANA (Maude et al., NEJM 2018): ORR within 3 months, taken as 91 days")
}

extension KeyedDecodingContainer {
  /// Replaces `field` with the decoded value when the key is present (settings keep their defaults).
  fileprivate func update<T: Decodable>(_ field: inout T, _ key: Key) throws {
    if let value = try decodeIfPresent(T.self, forKey: key) { field = value }
  }
}
