/// Protocol-level settings for clinical assessment (CRS/ICANS grading, DLT rules, response
/// criteria). Owned by the `Assessment` work; every field has the spec's default so that a
/// protocol file may omit the whole section.
public struct AssessmentSettings: Sendable, Hashable, Codable {
  public init() {}
}
