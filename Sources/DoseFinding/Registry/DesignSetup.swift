import Inputs

/// What every dose-finding design is given, whatever it is: the dose levels, where to start, the
/// cohorts and the target DLT rate. Design-specific parameters (BOIN's φ₁, a CRM skeleton, …) come
/// separately as ``DesignArguments``.
///
/// Field names in errors: `target`, `doses`, `startDose`, `cohortSize`, `maxSampleSize`.
public struct DesignSetup: Sendable, Hashable {
  /// Number of dose levels.
  public var doseCount: Int
  /// 0-based index of the first cohort's dose.
  public var startDose: Int
  /// Target DLT rate φ (designs that have none, such as 3+3, ignore it).
  public var target: Double
  /// Patients per cohort.
  public var cohortSize: Int
  /// Maximum number of patients; `nil`: no limit from the design (a single decision or table).
  public var maxSampleSize: Int?

  public init(
    doseCount: Int, startDose: Int = 0, target: Double, cohortSize: Int = 3, maxSampleSize: Int? = nil
  ) {
    self.doseCount = doseCount
    self.startDose = startDose
    self.target = target
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
  }

  /// Limits checked before any work starts, so that no count can overflow and no table or
  /// enumeration grows without bound: at most 20 dose levels, cohorts of at most 30 patients and
  /// a maximum sample size of at most 10,000 patients.
  public static let maximumDoses = 20
  public static let maximumCohortSize = 30
  public static let maximumSampleSize = 10_000

  /// The maximum sample size, or `Int.max` when there is none.
  public var sampleSizeLimit: Int { maxSampleSize ?? Int.max }

  /// Checks the settings every design shares.
  public func validate() throws(InputError) {
    guard target > 0 && target < 1 else {
      throw InputError(field: "target", expected: "a DLT rate strictly between 0 and 1", found: "\(target)")
    }
    guard doseCount >= 1 && doseCount <= Self.maximumDoses else {
      throw InputError(
        doseCount < 1 ? .invalidValue : .limitExceeded, field: "doses",
        expected: "1 to \(Self.maximumDoses) dose levels", found: "\(doseCount)")
    }
    guard cohortSize >= 1 && cohortSize <= Self.maximumCohortSize else {
      throw InputError(
        cohortSize < 1 ? .invalidValue : .limitExceeded, field: "cohortSize",
        expected: "1 to \(Self.maximumCohortSize) patients per cohort", found: "\(cohortSize)")
    }
    if let n = maxSampleSize, n > Self.maximumSampleSize {
      throw InputError(
        .limitExceeded, field: "maxSampleSize", expected: "at most \(Self.maximumSampleSize) patients",
        found: "\(n)")
    }
    if let n = maxSampleSize, n < cohortSize {
      throw InputError(
        field: "maxSampleSize", expected: "at least one cohort (\(cohortSize) patients)", found: "\(n)")
    }
    guard startDose >= 0 && startDose < doseCount else {
      throw InputError(
        .notFound, field: "startDose", expected: "a dose level 1…\(doseCount)", found: "\(startDose + 1)")
    }
  }
}
