import TrialModel

/// A type-checked, compiled criteria expression: field references are resolved to table
/// indices and thresholds to the canonical unit, so evaluation does no lookups or conversions.
indirect enum Node: Sendable, Hashable {
  case constant(Bool)
  case fact(BooleanFact)
  case and([Node])
  case or([Node])
  case not(Node)
  case conditional(Node, Node, Node)
  /// A numeric patient value compared with a threshold already in the value's canonical unit.
  case compare(NumericSource, Comparison, Threshold)
  /// Age compared with a calendar span (`age >= 18 years`).
  case age(Comparison, CalendarSpan, setting: String?)
  /// Time since the latest event of a selection, compared with a span.
  case since(EventSelector, Comparison, CalendarSpan)
  /// Whether some event of a selection falls within a span before an anchor date.
  case within(EventSelector, CalendarSpan, Anchor)
  /// Whether the history contains any event of a selection.
  case ever(EventSelector)
  case sex(Sex)
  case cnsStatus(CNSStatus)
  /// The latest result for an antigen is positive.
  case antigen(String)
}

/// A threshold as the protocol wrote it and in the canonical unit of the compared value.
struct Threshold: Sendable, Hashable {
  var canonical: Double
  /// `1.6 mg/dL` as written, for evidence.
  var written: String
  /// The name of the setting it came from, if any (`[R]` defaults are named in evidence).
  var setting: String?
}

/// A numeric patient value.
enum NumericSource: Sendable, Hashable {
  case fact(NumericFact)
  case lab(LabTest, index: Int)
  /// A lab value as a multiple of the upper limit of normal.
  case labTimesULN(LabTest, index: Int)
  case creatinineClearance
  case bsaMosteller, bsaDuBois
  case completedAge
}

/// A span of calendar time: days and weeks count days, months and years move the calendar.
public struct CalendarSpan: Sendable, Hashable, CustomStringConvertible {
  public enum Unit: String, Sendable, Hashable { case days, weeks, months, years }
  public var amount: Double
  public var unit: Unit

  public init(amount: Double, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// The longest span (or age) a criterion may write: 200 years, longer than any human life or
  /// clinical look-back; the compiler refuses more, so that moving a date by a span cannot overflow.
  public static let maximumYears = 200.0

  /// `date` moved back by this span; fractional months and years are converted to days.
  func before(_ date: CivilDate) -> CivilDate {
    let whole = amount.rounded() == amount
    switch unit {
    case .days: return date.adding(days: -Int(amount.rounded(.up)))
    case .weeks: return date.adding(days: -Int((amount * 7).rounded(.up)))
    case .months:
      return whole
        ? date.adding(months: -Int(amount))
        : date.adding(days: -Int((amount * MeasurementUnit.daysPerMonth).rounded(.up)))
    case .years:
      return whole
        ? date.adding(years: -Int(amount))
        : date.adding(days: -Int((amount * MeasurementUnit.daysPerYear).rounded(.up)))
    }
  }

  /// The span in years (mean Gregorian lengths), for ages given as a number.
  var years: Double {
    switch unit {
    case .days: amount / MeasurementUnit.daysPerYear
    case .weeks: amount * 7 / MeasurementUnit.daysPerYear
    case .months: amount / 12
    case .years: amount
    }
  }

  /// The span in days (mean Gregorian lengths).
  var days: Double { years * MeasurementUnit.daysPerYear }

  public var description: String { "\(formatNumber(amount, decimals: 4)) \(unit.rawValue)" }
}

/// The date a `within` window ends at.
enum Anchor: String, Sendable, Hashable {
  case screening, infusion, consent, lymphodepletion

  static let all: [Anchor] = [.screening, .infusion, .consent, .lymphodepletion]
  /// Position in ``all``.
  var index: Int {
    switch self {
    case .screening: 0
    case .infusion: 1
    case .consent: 2
    case .lymphodepletion: 3
    }
  }
}

/// A selection of dated facts: history events of some classes (optionally filtered by dose or
/// grade), or positive results for an antigen.
struct EventSelector: Sendable, Hashable {
  enum Filter: Sendable, Hashable {
    case dose(Comparison, Double)
    case grade(Comparison, Double)
  }
  var name: String
  var classes: EventClassSet
  var filter: Filter?
  /// Set for antigen selections (`cd19 within 3 months`).
  var antigen: String?
}
