import Analysis
import Inputs

/// One infused subject of a trial report: the dates of the course and the report's other facts.
public struct SubjectRecord: Sendable, Hashable {
  /// The dates the endpoints are derived from; `course.infusion` is always set.
  public var course: SubjectCourse
  /// The population group (`A`, `B`); `nil` when not recorded.
  public var group: String?
  /// The dose level as the protocol numbers it (−1, 1, 2…); `nil` when not recorded.
  public var doseLevel: Int?
  /// Best overall response; `nil` when not recorded.
  public var bestResponse: RecordedResponse?
  /// Whether the subject had a DLT; `nil` when not assessed.
  public var dlt: Bool?
  /// Where the record is (for errors about it).
  public var location: SourceLocation?

  public init(
    course: SubjectCourse, group: String? = nil, doseLevel: Int? = nil,
    bestResponse: RecordedResponse? = nil, dlt: Bool? = nil, location: SourceLocation? = nil
  ) {
    self.course = course
    self.group = group
    self.doseLevel = doseLevel
    self.bestResponse = bestResponse
    self.dlt = dlt
    self.location = location
  }

  /// The subject identifier.
  public var subject: String { course.subject }
}
