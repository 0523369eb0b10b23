import Inputs

/// What kind of assessment produced a graded event.
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// ASTCT CRS grade.
  case crs
  /// ASTCT ICANS grade.
  case icans
  /// CTCAE grade of a laboratory value.
  case lab
  /// CTCAE grade of a clinical adverse event reported by the investigator.
  case adverseEvent
}

/// A cause an event is attributed to, used by DLT exclusions.
public enum Attribution: String, Sendable, Hashable, Codable, InputEnumeration {
  /// Lymphodepleting chemotherapy (fludarabine/cyclophosphamide).
  case lymphodepletion
  /// Leukaemia in the marrow (for cytopenias).
  case marrowDisease
}

/// One graded toxicity at one time point after infusion.
public struct GradedEvent: Sendable, Hashable, Codable {
  /// Days after infusion (day 0); fractions express hours (72 h = 3).
  public var day: Double
  public var kind: EventKind
  /// `CRS`, `ICANS`, the lab term, or the adverse-event term.
  public var term: String
  public var grade: Int
  /// Haematological toxicity (cytopenias).
  public var haematological: Bool
  /// A laboratory abnormality without clinical consequence.
  public var labOnly: Bool
  /// Attributed to the investigational product; `nil` when not assessed.
  public var related: Bool?
  public var attributions: [Attribution]
  /// How the grade was derived (from the graders) or "reported".
  public var reasons: [String]

  public init(
    day: Double, kind: EventKind, term: String, grade: Int, haematological: Bool = false,
    labOnly: Bool = false,
    related: Bool? = nil, attributions: [Attribution] = [], reasons: [String] = []
  ) {
    self.day = day
    self.kind = kind
    self.term = term
    self.grade = grade
    self.haematological = haematological
    self.labOnly = labOnly
    self.related = related
    self.attributions = attributions
    self.reasons = reasons
  }

  /// `CRS grade 4 on day 3`.
  public var summary: String { "\(term) grade \(grade) on day \(DayFormat.text(day))" }
}

/// Study-day formatting: whole days plainly, fractions with up to two decimals; a day too large
/// for a whole number (the readers take any finite number) is written as a number, not trapped on.
enum DayFormat {
  static func text(_ day: Double) -> String {
    guard day == day.rounded() else { return String((day * 100).rounded() / 100) }
    return Int(exactly: day).map { String($0) } ?? String(day)
  }
}
