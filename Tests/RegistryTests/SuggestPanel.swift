import Eligibility
import Foundation
import Inputs
import TestSupport
import TrialModel

/// A panel of generated patients for comparing two criteria expressions: built from the variables
/// either expression reads, with every numeric value at, just below and just above each threshold
/// either expression states (in that threshold's unit), dates at and around each window edge,
/// facts true, false and unrecorded, and every variable also unrecorded.
struct SuggestPanel {
  /// One way of setting one variable, with a label for reports.
  struct Setting {
    var label: String
    var apply: (inout PatientRecord) -> Void
  }

  /// The settings of each variable read, one dimension per variable.
  var dimensions: [[Setting]] = []

  static let screening = CivilDate(year: 2026, month: 6, day: 15)!
  /// Anchor dates of the generated patients (planned ones after screening, consent before).
  static let anchors: [String: CivilDate] = [
    "screening": screening, "consent": screening.adding(days: -5), "enrollment": screening.adding(days: 3),
    "infusion": screening.adding(days: 10), "lymphodepletion": screening.adding(days: 5),
  ]

  /// A reference upper limit of normal per lab, in its canonical unit.
  static let uln: [LabTest: Double] = [
    .creatinine: 1.1, .bilirubin: 1.2, .alt: 40, .ast: 40, .inr: 1.2, .aptt: 36, .lvef: 70, .spo2: 100,
    .anc: 7500, .platelets: 400_000, .hemoglobin: 17, .wbc: 11_000, .lymphocytes: 4000,
  ]

  init(_ expressions: [String]) {
    let text = expressions.joined(separator: " ; ")
    let names = Set(Self.identifiers(text))
    let thresholds = Self.thresholds(text)
    var dims: [[Setting]] = []
    for fact in BooleanFact.allCases where names.contains(fact.expressionName) {
      dims.append(
        [true, false, nil].map { value in
          Setting(label: "\(fact.expressionName)=\(value.map(String.init) ?? "nil")") { $0[fact] = value }
        })
    }
    let asksSex =
      names.contains("sex")
      || BooleanFact.allCases.contains { $0.askedOf != nil && names.contains($0.expressionName) }
    if asksSex {
      dims.append(
        [Sex.male, .female, nil].map { sex in Setting(label: "sex=\(sex?.rawValue ?? "nil")") { $0.sex = sex }
        })
    }
    for fact in NumericFact.allCases
    where ![.ageYears, .lifeExpectancyDays].contains(fact) && names.contains(fact.expressionName) {
      var values: Set<Double> = [0]
      for t in thresholds where t.unit == nil || t.unit == "%" {
        values.formUnion([t.value - 1, t.value, t.value + 1])
      }
      dims.append(
        [Setting(label: "\(fact.expressionName)=nil") { $0[fact] = nil }]
          + values.sorted().map { v in Setting(label: "\(fact.expressionName)=\(v)") { $0[fact] = v } })
    }
    for lab in LabTest.allCases where names.contains(lab.rawValue) {
      dims.append(Self.labSettings(lab, thresholds))
    }
    if names.contains("crcl") { dims.append(Self.clearanceSettings(thresholds)) }
    if names.contains("age") || names.contains("completedAge") {
      var settings = [Setting(label: "birthDate=nil") { $0.birthDate = nil }]
      for t in thresholds where t.unit == "years" {
        let n = Int(t.value)
        for (label, date) in [
          ("\(n)th birthday", Self.screening.adding(years: -n)),
          ("\(n)th birthday tomorrow", Self.screening.adding(years: -n).adding(days: 1)),
          ("\(n)y+1d", Self.screening.adding(years: -n).adding(days: -1)),
          ("\(n)y11m", Self.screening.adding(years: -(n + 1)).adding(days: 1)),
        ] {
          settings.append(Setting(label: "age \(label)") { $0.birthDate = date })
        }
      }
      dims.append(settings)
    }
    if names.contains("lifeExpectancy") {
      var days: Set<Double> = []
      for t in thresholds {
        let base: [Double]
        switch t.unit {
        case "days": base = [t.value]
        case "weeks": base = [t.value * 7]
        case "months":
          base = [
            // The language's mean month (a twelfth of a Gregorian year), then month lengths.
            t.value * MeasurementUnit.daysPerYear / 12, t.value * 30, t.value * 30.4375, t.value * 31,
            Double(Self.screening.adding(months: Int(t.value)).dayNumber - Self.screening.dayNumber),
          ]
        case "years":
          base = [t.value * MeasurementUnit.daysPerYear, t.value * 365, t.value * 365.25, t.value * 366]
        default: continue
        }
        for b in base {
          // The threshold itself too: a record may state 3 months, which is not a whole day count.
          days.formUnion([b, b.rounded(.down) - 1, b.rounded(.down), b.rounded(.up), b.rounded(.up) + 1])
        }
      }
      dims.append(
        [Setting(label: "lifeExpectancy=nil") { $0[.lifeExpectancyDays] = nil }]
          + days.sorted().map { d in
            Setting(label: "lifeExpectancy=\(d) days") { $0[.lifeExpectancyDays] = d }
          })
    }
    for antigen in ["cd19", "cd20"] where names.contains(antigen) {
      dims.append(Self.antigenSettings(antigen))
    }
    if names.contains("cnsStatus") {
      dims.append(
        ([nil] + CNSStatus.allCases).map { s in
          Setting(label: "cnsStatus=\(s?.rawValue ?? "nil")") { $0.cnsStatus = s }
        })
    }
    let selectors = names.filter { !EventClass.selecting($0).isEmpty && Names.isSelector($0) }
    if !selectors.isEmpty { dims.append(Self.eventSettings(selectors.sorted(), windows: Self.windows(text))) }
    dimensions = dims
  }

  /// Generated patients: the full product of the dimensions when it is at most `limit`, else a
  /// seeded sample of `limit`; repeated (with a changing id) up to `minimum`.
  func patients(minimum: Int = 1000, limit: Int = 6000) -> [(record: PatientRecord, labels: [String])] {
    let product = dimensions.reduce(1) { min($0 * max($1.count, 1), limit + 1) }
    var choices: [[Int]] = []
    if product <= limit {
      choices = [[]]
      for dim in dimensions { choices = choices.flatMap { c in dim.indices.map { c + [$0] } } }
    } else {
      var generator = SeededGenerator(seed: 20_261_203)
      for _ in 0..<limit { choices.append(dimensions.map { Int(generator.next() % UInt64($0.count)) }) }
    }
    var result: [(PatientRecord, [String])] = []
    var round = 0
    while result.count < minimum || round == 0 {
      for choice in choices {
        var record = Self.base(id: "P\(result.count)")
        var labels: [String] = []
        for (dim, index) in zip(dimensions, choice) {
          dim[index].apply(&record)
          labels.append(dim[index].label)
        }
        // A record states pregnancy, lactation and childbearing potential of women only (and a
        // partner's of men only): for the other sex such a fact is not recorded.
        for fact in BooleanFact.allCases
        where fact.askedOf != nil && record.sex != nil && record.sex != fact.askedOf {
          record[fact] = nil
        }
        result.append((record, labels))
      }
      round += 1
    }
    return result
  }

  static func base(id: String) -> PatientRecord {
    var record = PatientRecord(id: id)
    record.screeningDate = screening
    record.consentDate = anchors["consent"]
    record.enrollmentDate = anchors["enrollment"]
    record.plannedInfusionDate = anchors["infusion"]
    record.plannedLymphodepletionDate = anchors["lymphodepletion"]
    record.historyComplete = true
    record.plansComplete = true
    record.birthDate = screening.adding(years: -40)
    record.sex = .male
    record[.weight] = 72
    return record
  }

  // MARK: - Variables

  private static func labSettings(_ lab: LabTest, _ thresholds: [(value: Double, unit: String?)]) -> [Setting]
  {
    var settings = [Setting(label: "\(lab.rawValue)=nil") { $0[lab] = nil }]
    let canonical = canonicalUnit(lab)
    let uln = uln[lab]!
    for t in thresholds {
      let unit: String
      let value: Double
      if t.unit == "×ULN" {
        (unit, value) = (canonical, t.value * uln)
      } else if let u = t.unit, factor(lab, u) != nil {
        (unit, value) = (u, t.value)
      } else if t.unit == nil && lab == .inr {
        (unit, value) = ("", t.value)
      } else {
        continue
      }
      let toCanonical = factor(lab, unit) ?? 1
      for v in [value * 0.999, value, value * 1.001] {
        for variant in variants(lab) {
          settings.append(
            Setting(label: "\(lab.rawValue)=\(v) \(unit)\(variant.label)") { record in
              try? record.setLab(lab, value: v, unit: unit, uln: uln / toCanonical)
              variant.apply(&record)
            })
        }
        settings.append(
          Setting(label: "\(lab.rawValue)=\(v) \(unit) no ULN") { record in
            try? record.setLab(lab, value: v, unit: unit)
          })
      }
    }
    return settings
  }

  /// Measurement conditions of LVEF (method) and SpO₂ (oxygen), each also unrecorded.
  private static func variants(_ lab: LabTest) -> [Setting] {
    switch lab {
    case .lvef:
      return [LabMethod.echocardiography, .muga, nil].map { m in
        Setting(label: " method=\(m?.rawValue ?? "nil")") { $0[.lvef]?.method = m }
      }
    case .spo2:
      return [OxygenCondition.roomAir, .supplemental, nil].map { o in
        Setting(label: " oxygen=\(o?.rawValue ?? "nil")") { $0[.spo2]?.oxygen = o }
      }
    default: return [Setting(label: "") { _ in }]
    }
  }

  /// The canonical unit's spelling and the factor from `unit` to it (`nil` if it does not convert).
  private static func canonicalUnit(_ lab: LabTest) -> String {
    switch lab {
    case .creatinine, .bilirubin: "mg/dL"
    case .alt, .ast: "U/L"
    case .inr: ""
    case .aptt: "s"
    case .lvef, .spo2: "%"
    case .anc, .platelets, .wbc, .lymphocytes: "/µL"
    case .hemoglobin: "g/dL"
    }
  }

  private static func factor(_ lab: LabTest, _ unit: String) -> Double? {
    var record = PatientRecord()
    guard (try? record.setLab(lab, value: 1, unit: unit)) != nil else { return nil }
    return record[lab]?.value
  }

  /// Creatinine values putting Cockcroft–Gault clearance (age 40, 72 kg, male: 100 / SCr mL/min)
  /// at, below and above each mL/min threshold; and no weight.
  private static func clearanceSettings(_ thresholds: [(value: Double, unit: String?)]) -> [Setting] {
    var settings = [Setting(label: "creatinine=nil") { $0[.creatinine] = nil }]
    for t in thresholds where t.unit == "mL/min" {
      for clearance in [t.value * 0.999, t.value, t.value * 1.001] {
        let scr = 100 / clearance
        settings.append(
          Setting(label: "crcl=\(clearance) (SCr \(scr) mg/dL)") { record in
            try? record.setLab(.creatinine, value: scr, unit: "mg/dL", uln: uln[.creatinine])
          })
      }
    }
    settings.append(
      Setting(label: "weight=nil SCr 1") { record in
        record[.weight] = nil
        try? record.setLab(.creatinine, value: 1, unit: "mg/dL", uln: uln[.creatinine])
      })
    return settings
  }

  private static func antigenSettings(_ antigen: String) -> [Setting] {
    var settings = [Setting(label: "\(antigen) untested") { _ in }]
    for positive in [true, false] {
      for specimen in [Specimen.boneMarrow, .peripheralBlood, .csf, nil] {
        for method in ["flow cytometry", "IHC", nil] {
          settings.append(
            Setting(label: "\(antigen) \(positive ? "+" : "-") \(specimen?.rawValue ?? "?") \(method ?? "?")")
            {
              $0.antigens.append(
                AntigenResult(
                  antigen: antigen.uppercased(), positive: positive, date: screening.adding(days: -10),
                  method: method, specimen: specimen))
            })
        }
      }
    }
    return settings
  }

  /// No event, an unknown history, an event long ago, and one at and on each side of every window
  /// edge, for each concrete class every selector names.
  private static func eventSettings(_ selectors: [String], windows: [(days: [Int], anchor: String)])
    -> [Setting]
  {
    var settings = [
      Setting(label: "no events") { _ in },
      Setting(label: "history unknown") { $0.historyComplete = false },
    ]
    var classes: [EventClass] = []
    for selector in selectors {
      let selected = EventClass.selecting(selector).mask
      for c in EventClass.allCases where selected & (1 << UInt64(c.rawValue)) != 0 && !classes.contains(c) {
        classes.append(c)
      }
    }
    for c in classes {
      let set = EventClassSet(mask: 1 << UInt64(c.rawValue))
      var dates: Set<Int> = [screening.adding(years: -5).dayNumber]
      for window in windows {
        let anchor = anchors[window.anchor] ?? screening
        for span in window.days {
          for offset in [-1, 0, 1] {
            let day = anchor.dayNumber - span + offset
            if day <= screening.dayNumber { dates.insert(day) }
          }
        }
        for offset in [-1, 0] where anchor.dayNumber + offset <= screening.dayNumber {
          dates.insert(anchor.dayNumber + offset)
        }
      }
      for day in dates.sorted() {
        settings.append(
          Setting(label: "\(c.name) on \(CivilDate(dayNumber: day))") {
            $0.history.append(HistoryEvent(classes: set, date: CivilDate(dayNumber: day)))
          })
      }
    }
    return settings
  }

  // MARK: - Reading the expressions

  static func identifiers(_ text: String) -> [String] {
    matches(#"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*"#, in: text).map { $0[0] }
  }

  /// Every `OP NUMBER UNIT` of the expressions, the unit normalised (`nil` for a plain number).
  static func thresholds(_ text: String) -> [(value: Double, unit: String?)] {
    matches(
      #"(?:<=|>=|<|>|==|!=|≤|≥)\s*([0-9]+(?:\.[0-9]+)?)\s*(×ULN|×10⁹/L|mg/dL|µmol/L|mL/min|g/dL|g/L|U/L|/µL|%|years|months|weeks|days|s\b)?"#,
      in: text
    )
    .compactMap { m in Double(m[1]).map { ($0, m[2].isEmpty ? nil : m[2]) } }
  }

  /// Every `within N UNIT [before ANCHOR]`, as the window's length in days for each reading of
  /// the unit (calendar months from the anchor are 28–31 days) and the anchor.
  static func windows(_ text: String) -> [(days: [Int], anchor: String)] {
    matches(#"within\s+([0-9]+)\s+(days|weeks|months|years)(?:\s+before\s+([a-z]+))?"#, in: text).map { m in
      let n = Int(m[1])!
      let anchor = m[3].isEmpty ? "screening" : m[3]
      let date = anchors[anchor] ?? screening
      let days: [Int]
      switch m[2] {
      case "days": days = [n]
      case "weeks": days = [7 * n]
      case "months": days = [date.dayNumber - date.adding(months: -n).dayNumber]
      default: days = [date.dayNumber - date.adding(years: -n).dayNumber]
      }
      return (days, anchor)
    }
  }

  private static func matches(_ pattern: String, in text: String) -> [[String]] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { result in
      (0..<result.numberOfRanges).map { i in
        Range(result.range(at: i), in: text).map { String(text[$0]) } ?? ""
      }
    }
  }
}

/// Names of the criteria language that are event selectors (not facts, labs or keywords).
enum Names {
  static let keywords: Set<String> = [
    "and", "or", "not", "if", "then", "else", "within", "before", "after", "ever", "since", "any", "ongoing",
    "planned", "latest", "in", "method", "specimen", "oxygen", "route", "dose", "grade", "type",
  ]
  static func isSelector(_ name: String) -> Bool {
    !keywords.contains(name) && EventClass.selectableNames.contains(name)
  }
}
