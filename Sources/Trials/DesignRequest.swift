import Inputs

/// What a shell asks of a design: the design and its settings from command-line options or an API
/// request, alone or on top of a protocol group's design.
///
/// With a protocol, ``design`` and ``doseCount`` are refused (the protocol fixes the design and
/// its dose levels); every other setting given here overrides the protocol's value and the answer
/// says so (see ``SettingNote``). Without a protocol, ``design`` is required and ``target`` too
/// unless the design does not use one.
public struct DesignRequest: Sendable, Hashable {
  /// Design name (registry name or alias).
  public var design: String?
  /// Target DLT rate φ.
  public var target: Double?
  /// Patients per cohort.
  public var cohortSize: Int?
  /// Maximum number of patients.
  public var maxSampleSize: Int?
  /// Number of cohorts (maximum sample size = cohorts × cohort size); not with ``maxSampleSize``.
  public var cohorts: Int?
  /// Number of dose levels (without a protocol; default: the skeleton's length or the caller's).
  public var doseCount: Int?
  /// Starting dose level, as the user numbers it (protocol level, or 1…K).
  public var startLevel: Int?
  /// The design's own parameters by name (`phi1`, `equivalenceInterval`, `skeleton`, …).
  public var parameters: [String: SettingValue]
  /// The target to use, and to note as a default, when none is given without a protocol (`oc`
  /// explores designs at 0.3 unless told otherwise); `nil`: a target is required.
  public var defaultTarget: Double?

  public init(
    design: String? = nil, target: Double? = nil, cohortSize: Int? = nil, maxSampleSize: Int? = nil,
    cohorts: Int? = nil, doseCount: Int? = nil, startLevel: Int? = nil,
    parameters: [String: SettingValue] = [:]
  ) {
    self.design = design
    self.target = target
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.cohorts = cohorts
    self.doseCount = doseCount
    self.startLevel = startLevel
    self.parameters = parameters
  }
}
