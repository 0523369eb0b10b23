/// A setting of a dose-finding design that is out of range, naming the field, what was expected
/// and what was found.
public struct DesignSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  public var field: String
  public var expected: String
  public var found: String

  public init(field: String, expected: String, found: String) {
    self.field = field
    self.expected = expected
    self.found = found
  }

  public var description: String { "\(field): expected \(expected), found \(found)" }
}

extension DesignSettings {
  /// Checks every setting the chosen design uses; throws on the first problem.
  public func validate() throws(DesignSettingsError) {
    func fail(_ field: String, _ expected: String, _ found: Any) -> DesignSettingsError {
      DesignSettingsError(field: field, expected: expected, found: "\(found)")
    }
    guard target > 0 && target < 1 else {
      throw fail("target", "a DLT rate strictly between 0 and 1", target)
    }
    guard doseCount >= 1 else { throw fail("doses", "at least 1 dose level", doseCount) }
    guard cohortSize >= 1 else { throw fail("cohort-size", "at least 1 patient", cohortSize) }
    if let n = maxSampleSize, n < cohortSize {
      throw fail("max-n", "at least one cohort (\(cohortSize) patients)", n)
    }
    guard startDose >= 0 && startDose < doseCount else {
      throw fail("start-dose", "a dose level 1…\(doseCount)", startDose + 1)
    }
    guard eliminationCutoff > 0 && eliminationCutoff < 1 else {
      throw fail("elimination-cutoff", "a probability strictly between 0 and 1", eliminationCutoff)
    }
    switch kind {
    case .i3plus3, .mtpi2:
      let ei = effectiveInterval
      guard ei.lower >= 0 && ei.upper <= 1 && ei.lower < target && target < ei.upper else {
        throw fail(
          "ei", "an interval LOW,HIGH with 0 ≤ LOW < target \(target) < HIGH ≤ 1", "\(ei.lower),\(ei.upper)")
      }
    case .boin:
      let phi1 = boinUnderdosingRate ?? 0.6 * target
      let phi2 = boinOverdosingRate ?? 1.4 * target
      guard phi1 > 0 && phi1 < target else { throw fail("phi1", "0 < φ1 < target \(target)", phi1) }
      guard phi2 > target && phi2 < 1 else { throw fail("phi2", "target \(target) < φ2 < 1", phi2) }
    case .crm:
      guard let s = skeleton else { throw fail("skeleton", "\(doseCount) prior DLT rates for CRM", "none") }
      try Self.validateSkeleton(s, doseCount: doseCount)
      guard crmPriorVariance > 0 else {
        throw fail("prior-variance", "a positive variance", crmPriorVariance)
      }
    case .threePlusThree:
      guard cohortSize == 3 else { throw fail("cohort-size", "3 for the 3+3 design", cohortSize) }
    }
  }

  /// A skeleton must give one rate per dose, each in (0, 1), strictly increasing.
  public static func validateSkeleton(_ s: [Double], doseCount: Int) throws(DesignSettingsError) {
    let listed = s.map { "\($0)" }.joined(separator: ",")
    guard s.count == doseCount else {
      throw DesignSettingsError(
        field: "skeleton", expected: "\(doseCount) values (one per dose)",
        found: "\(s.count) values: \(listed)")
    }
    guard s.allSatisfy({ $0 > 0 && $0 < 1 }) else {
      throw DesignSettingsError(field: "skeleton", expected: "rates strictly between 0 and 1", found: listed)
    }
    guard zip(s, s.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw DesignSettingsError(field: "skeleton", expected: "strictly increasing rates", found: listed)
    }
  }
}
