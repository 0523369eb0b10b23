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
  /// Time from the latest event of a selection to an anchor date (screening unless written
  /// `since(EVENT, infusion)`), compared with a span.
  case since(EventSelector, Comparison, CalendarSpan, Anchor)
  /// Whether some event of a selection falls within a span before (or, for plans, after) an
  /// anchor date.
  case within(EventSelector, CalendarSpan, Anchor, Direction)
  /// Whether some selected event (a state with onset and resolution) is ongoing at screening.
  case ongoing(EventSelector)
  /// Whether the history contains any event of a selection.
  case ever(EventSelector)
  case sex(Sex)
  case cnsStatus(CNSStatus)
  /// The latest result for an antigen (among those the selection's filters, `after` and window
  /// admit) is positive.
  case antigen(EventSelector, CalendarSpan?, Anchor)
}

/// Which side of its anchor a `within` window lies on.
enum Direction: UInt8, Sendable, Hashable {
  /// `[anchor − span, anchor]`.
  case before
  /// `[anchor, anchor + span]` (plans only: a record holds no events after screening).
  case after
  /// `EVENT after consent`: from the day after a past anchor to screening, `(anchor, screening]`
  /// (the span is not used).
  case sinceAnchor
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
  /// A lab that counts only when measured by one of the methods (and under the oxygen
  /// condition) of the filter: `lvef[method in (echocardiography, muga)]`, `spo2[oxygen == roomAir]`.
  case measuredLab(LabTest, index: Int, MeasurementFilter)
  /// The quantity of a nucleic-acid viral test in IU/mL (`viral.hbvDna < 2000 IU/mL`).
  case viralLoad(BooleanFact)
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
  func before(_ date: CivilDate) -> CivilDate { moved(date, by: -1) }

  /// `date` moved forward by this span (the end of a `within SPAN after ANCHOR` window).
  func after(_ date: CivilDate) -> CivilDate { moved(date, by: 1) }

  private func moved(_ date: CivilDate, by sign: Int) -> CivilDate {
    let whole = amount.rounded() == amount
    switch unit {
    case .days: return date.adding(days: sign * Int(amount.rounded(.up)))
    case .weeks: return date.adding(days: sign * Int((amount * 7).rounded(.up)))
    case .months:
      return whole
        ? date.adding(months: sign * Int(amount))
        : date.adding(days: sign * Int((amount * MeasurementUnit.daysPerMonth).rounded(.up)))
    case .years:
      return whole
        ? date.adding(years: sign * Int(amount))
        : date.adding(days: sign * Int((amount * MeasurementUnit.daysPerYear).rounded(.up)))
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

/// The date a `within` window ends (or, for plans, starts) at, and the date `since(EVENT, ANCHOR)`
/// counts to. Consent is signed on or before screening; enrolment, lymphodepletion and infusion
/// happen on or after it, in that order, so for them the record's events stop at screening and a
/// verdict is as of screening.
enum Anchor: String, Sendable, Hashable {
  case screening, infusion, consent, lymphodepletion, enrollment

  static let all: [Anchor] = [.screening, .infusion, .consent, .lymphodepletion, .enrollment]
  /// Position in ``all``.
  var index: Int {
    switch self {
    case .screening: 0
    case .infusion: 1
    case .consent: 2
    case .lymphodepletion: 3
    case .enrollment: 4
    }
  }

  /// The anchor an expression names (`enrolment` is accepted for `enrollment`).
  init?(named name: String) {
    if name == "enrolment" {
      self = .enrollment
    } else {
      self.init(rawValue: name)
    }
  }

  /// Whether the anchor's date is on or after screening (its events are known only up to screening).
  var isFuture: Bool { self == .infusion || self == .lymphodepletion || self == .enrollment }

  /// The names an expression may write after `before` / `after` / in `since(EVENT, ANCHOR)`.
  static let spellings = "screening, enrollment, consent, lymphodepletion or infusion"
}

/// A selection of dated facts: history events of some classes (optionally filtered by dose,
/// grade or route), plans (`planned(…)`), or results for an antigen (optionally filtered by
/// specimen and method, and restricted to those after the last of some treatments).
struct EventSelector: Sendable, Hashable {
  var name: String
  var classes: EventClassSet
  var filter = EventFilter()
  /// Set for antigen selections (`cd19 within 3 months`).
  var antigen: String?
  /// `planned(EVENT)`: the record's `plans`, not its history.
  var planned = false
  /// `cd19 after chemotherapy`: only results dated after the last day of the latest event of
  /// these classes count.
  var after = EventClassSet()
}

/// A comparison of an event's numeric attribute (`dose > 15`, `grade >= 2`).
struct AttributeBound: Sendable, Hashable {
  var comparison: Comparison
  var value: Double
}

/// The bracketed filter of a selection, `steroid[route == systemic, dose > 15]`: every term must
/// hold. Sets of enumerated values are bit masks by raw position (plain data, no allocation).
struct EventFilter: Sendable, Hashable {
  /// Prednisone-equivalent mg/day.
  var dose: AttributeBound?
  var grade: AttributeBound?
  /// Bits of ``Route/allCases`` positions; 0: any route.
  var routes: ValueMask = 0
  /// Bits of ``TumourType/allCases`` positions; 0: any type.
  var types: ValueMask = 0
  /// Bits of ``Specimen/allCases`` positions; 0: any specimen.
  var specimens: ValueMask = 0
  /// Bits of ``TestMethod/allCases`` positions; 0: any method.
  var methods: ValueMask = 0

  var isEmpty: Bool { self == EventFilter() }
}

/// The bracketed filter of a lab, `lvef[method in (echocardiography, muga)]`.
struct MeasurementFilter: Sendable, Hashable {
  /// Bits of ``LabMethod/allCases`` positions; 0: any method.
  var methods: ValueMask = 0
  /// Bits of ``OxygenCondition/allCases`` positions; 0: any.
  var oxygen: ValueMask = 0
}
