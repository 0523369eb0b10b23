import Foundation

/// The laboratory and physiological measurements a criterion text names, as the criteria
/// language's names (`creatinine`, `alt`, `crcl`, `lvef`, `spo2`, …), with the units a threshold on
/// each may be written in and the direction that is favourable.
enum LabName: String, CaseIterable, Sendable {
  case alt, ast, crcl, creatinine, bilirubin, lvef, spo2, anc, platelets, hemoglobin, inr, aptt, wbc
  case lymphocytes

  /// Spellings in criterion texts (normalised by ``CriterionWording``), most specific first
  /// (creatinine clearance before creatinine).
  static let spellings: [(LabName, String)] = [
    (
      .alt,
      #"alanine (?:amino)?transferase|alanine transaminase|glutamic[- ]pyruvic transaminase|\bsgpt\b|\balt\b"#
    ),
    (
      .ast,
      #"aspartate (?:amino)?transferase|aspartate transaminase|glutamic[- ]oxaloacetic transaminase|\bsgot\b|\bast\b"#
    ),
    (.crcl, #"(?:endogenous |estimated |calculated )?creatinine clearance(?: rate)?|\bcrcl\b|\bccr\b"#),
    (.creatinine, #"(?:serum |blood )?creatinine|\bscr\b|\bcr\b"#),
    (.bilirubin, #"(?:serum |blood )?(?:total )?bilirubin|\btbil\b|\btbili\b"#),
    (
      .lvef,
      #"left ventricular ejection fraction|left ventricle ejection fraction|cardiac ejection fraction|ejection fraction|\blvef\b"#
    ),
    (
      .spo2,
      #"(?:peripheral |pulse |blood |finger )?(?:capillary )?oxygen saturation|pulse oxygenation|pulse oximetry|\bspo2\b|\bsao2\b"#
    ),
    (.anc, #"absolute neutrophil count|neutrophil count|neutrophils|\banc\b"#),
    (.platelets, #"platelet count|platelets|platelet|\bplt\b"#),
    (.hemoglobin, #"ha?emoglobin|\bhgb\b|\bhb\b"#),
    (.inr, #"international normali[sz]ed ratio|\binr\b"#),
    (.aptt, #"activated partial thromboplastin time|\baptt\b"#),
    (.wbc, #"white blood cell count|white blood cells|\bwbc\b"#),
    (.lymphocytes, #"absolute lymphocyte count|lymphocyte count|lymphocytes|\balc\b"#),
  ]

  /// Whether a high value is the favourable one (LVEF, counts) rather than a low one (creatinine,
  /// transaminases): an inclusion then states a lower limit and an exclusion an upper one.
  var higherIsBetter: Bool {
    switch self {
    case .crcl, .lvef, .spo2, .anc, .platelets, .hemoglobin, .wbc, .lymphocytes: true
    case .alt, .ast, .creatinine, .bilirubin, .inr, .aptt: false
    }
  }

  /// The criteria language's spelling of a unit written in a text, if this measurement may be
  /// compared in it; `nil` for no unit where the measurement has a natural one (%, ratio).
  func languageUnit(_ written: String?) -> String?? {
    guard let written else {
      switch self {
      case .lvef, .spo2: return .some("%")
      case .inr: return .some(nil)
      default: return nil
      }
    }
    let unit = LabName.unitSpellings.first {
      written.range(of: "^(?:" + $0.1 + ")$", options: .regularExpression) != nil
    }
    guard let unit, allowedUnits.contains(unit.0) else { return nil }
    return .some(unit.0)
  }

  private var allowedUnits: Set<String> {
    switch self {
    case .creatinine, .bilirubin: ["mg/dL", "µmol/L", "×ULN"]
    case .alt, .ast: ["×ULN", "U/L"]
    case .crcl: ["mL/min"]
    case .lvef, .spo2: ["%"]
    case .anc, .platelets, .wbc, .lymphocytes: ["×10⁹/L", "/µL"]
    case .hemoglobin: ["g/dL", "g/L"]
    case .inr: ["×ULN"]
    case .aptt: ["×ULN", "s"]
    }
  }

  /// A pattern group matching every unit spelling of ``unitSpellings``.
  static let unitPattern = "(" + unitSpellings.map(\.1).joined(separator: "|") + ")"

  /// Unit spellings (normalised text) and the language's unit.
  static let unitSpellings: [(String, String)] = [
    ("×ULN", "xuln"), ("mg/dL", "mg/dl|mg/100 ?ml"), ("µmol/L", "umol/l|umol/ l"),
    ("mL/min", "ml/min|ml/minute|ml/ min|ml per minute"), ("%", "%|percent"), ("U/L", "u/l|iu/l"),
    ("×10⁹/L", #"x ?10 ?\^? ?9 ?/ ?l|x ?10e9/l|10 ?\^ ?9 ?/ ?l|x ?109/l"#),
    ("/µL", "/ul|/mm3|/mm\\^3|cells/ul|/cubic mm"),
    ("g/dL", "g/dl"), ("g/L", "g/l"), ("s", "s|sec|seconds"),
  ]
}
