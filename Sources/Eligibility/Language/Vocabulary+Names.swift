import TrialModel

/// What a name in an expression refers to.
enum NameMeaning: Sendable, Hashable {
  case fact(BooleanFact)
  /// A numeric value and the unit its thresholds must convert to (`nil`: a plain number).
  case numeric(NumericSource, unit: LabUnit?)
  case lab(LabTest)
  /// A lab restricted to some measurement methods or conditions (`lvef[method == echocardiography]`).
  case measuredLab(LabTest, MeasurementFilter)
  case age
  /// A duration stored as a number of days (life expectancy).
  case durationDays(NumericFact)
  case sex, cnsStatus
  case antigen(String)
  case selector(EventClassSet)
  /// A setting with a default (a threshold), e.g. `lanskyAgeLimit`.
  case setting(String, CalendarSpan)
}

extension EligibilitySettings {
  /// Resolves a name, or `nil` if the language does not know it.
  func meaning(of name: String) -> NameMeaning? {
    if let fact = Names.booleans[name] { return .fact(fact) }
    if let lab = LabTest(rawValue: name) { return .lab(lab) }
    switch name {
    case "age": return .age
    case "completedAge": return .numeric(.completedAge, unit: .measurement(.years))
    case "lifeExpectancy": return .durationDays(.lifeExpectancyDays)
    case "weight": return .numeric(.fact(.weight), unit: .measurement(.kg))
    case "height": return .numeric(.fact(.height), unit: .measurement(.cm))
    case "marrowBlasts", "bloodBlasts":
      return .numeric(
        .fact(name == "marrowBlasts" ? .marrowBlasts : .bloodBlasts), unit: .measurement(.percent))
    case "tkiLinesFailed", "nyhaClass", "dyspneaGrade", "ecog", "karnofsky", "lansky":
      return .numeric(.fact(Names.numbers[name]!), unit: nil)
    case "crcl": return .numeric(.creatinineClearance, unit: .measurement(.mLPerMin))
    case "bsa.mosteller": return .numeric(.bsaMosteller, unit: .measurement(.squareMetre))
    case "bsa.dubois": return .numeric(.bsaDuBois, unit: .measurement(.squareMetre))
    case "sex": return .sex
    case "cnsStatus": return .cnsStatus
    case "cd19", "cd20", "cd22": return .antigen(name.uppercased())
    case "lanskyAgeLimit": return .setting(name, lanskyAgeLimit)
    default:
      let classes = EventClass.selecting(name)
      return classes.isEmpty ? nil : .selector(classes)
    }
  }
}

/// Name tables of the criteria language.
enum Names {
  static let booleans: [String: BooleanFact] = Dictionary(
    uniqueKeysWithValues: BooleanFact.allCases.map { ($0.expressionName, $0) })
  static let numbers: [String: NumericFact] = Dictionary(
    uniqueKeysWithValues: NumericFact.allCases.map { ($0.expressionName, $0) })

  /// Every name an expression may use, for "did you mean" lists.
  static var all: [String] {
    booleans.keys.sorted() + LabTest.allCases.map(\.rawValue) + [
      "age", "completedAge", "lifeExpectancy", "weight", "height", "marrowBlasts", "bloodBlasts",
      "tkiLinesFailed", "nyhaClass", "dyspneaGrade", "ecog", "karnofsky", "lansky", "crcl",
      "bsa.mosteller", "bsa.dubois", "sex", "cnsStatus", "cd19", "cd20", "cd22", "lanskyAgeLimit", "ever",
      "since", "ongoing", "planned", "latest", "any",
    ] + EventClass.selectableNames
  }

  /// The known name closest to `name` (edit distance ≤ 3), for error messages.
  static func suggestion(for name: String) -> String? {
    let target = Array(name.lowercased())
    var best: (String, Int)?
    for candidate in all {
      let d = distance(target, Array(candidate.lowercased()))
      if d <= 3, d < (best?.1 ?? .max) { best = (candidate, d) }
    }
    return best?.0
  }

  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var row = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = row
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
