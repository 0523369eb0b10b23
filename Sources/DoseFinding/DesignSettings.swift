/// The plain settings of a dose-finding design — what a protocol file or the command line states —
/// and the factory that turns them into a ``DoseFindingDesign`` after validating them.
///
/// Shared by the CLI (`--design`, `--target`, …) and the protocol loader so that names, defaults
/// and checks live in one place. Defaults: cohorts of 3, EI = [φ − 0.05, φ + 0.05] (FIND
/// examples), BOIN φ₁ = 0.6φ and φ₂ = 1.4φ, elimination cutoff 0.95, CRM empiric model with prior
/// variance 1.34 and restrict = TRUE, 3+3 classic.
public struct DesignSettings: Sendable, Hashable {
  /// Which design.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case threePlusThree = "3+3"
    case i3plus3 = "i3+3"
    case boin
    case mtpi2
    case crm

    /// Parses a design name case-insensitively, with aliases: "3+3"/"3p3"/"threeplusthree",
    /// "i3+3"/"i3p3"/"i3plus3", "boin", "mtpi2"/"mtpi-2", "crm".
    public init(parsing name: String) throws(DesignSettingsError) {
      switch name.lowercased().filter({ !$0.isWhitespace }) {
      case "3+3", "3p3", "threeplusthree": self = .threePlusThree
      case "i3+3", "i3p3", "i3plus3": self = .i3plus3
      case "boin": self = .boin
      case "mtpi2", "mtpi-2": self = .mtpi2
      case "crm": self = .crm
      default:
        throw DesignSettingsError(
          field: "design", expected: "one of 3+3, i3+3, boin, mtpi2, crm", found: "\"\(name)\"")
      }
    }
  }

  public var kind: Kind
  /// Target DLT rate φ, in (0, 1).
  public var target: Double
  /// Equivalence interval (i3+3, mTPI-2); `nil` → [φ − 0.05, φ + 0.05].
  public var equivalenceInterval: EquivalenceInterval?
  public var cohortSize: Int
  /// Maximum number of patients; `nil` → no limit from the design (e.g. for a single decision).
  public var maxSampleSize: Int?
  public var doseCount: Int
  /// 0-based start dose.
  public var startDose: Int
  /// BOIN φ₁ and φ₂ (`nil` → 0.6φ, 1.4φ).
  public var boinUnderdosingRate: Double?
  public var boinOverdosingRate: Double?
  /// Elimination / DU posterior cutoff (0.95).
  public var eliminationCutoff: Double
  /// BOIN `n.earlystop` (`nil`: off).
  public var earlyStopPatients: Int?
  /// BOIN `extrasafe` offset (`nil`: off).
  public var extraSafetyOffset: Double?
  /// CRM skeleton (required for CRM; increasing, in (0, 1), one value per dose).
  public var skeleton: [Double]?
  public var crmModel: CRMWorkingModel
  public var crmPriorVariance: Double
  /// dfcrm `restrict` (no skipping + coherence).
  public var crmRestrict: Bool
  /// CRM stop when Pr(p₁ > φ | data) exceeds this (`nil`: off).
  public var crmSafetyStopThreshold: Double?
  public var threePlusThreeVariant: ThreePlusThreeDesign.Variant

  public init(
    kind: Kind, target: Double, doseCount: Int, equivalenceInterval: EquivalenceInterval? = nil,
    cohortSize: Int = 3, maxSampleSize: Int? = nil, startDose: Int = 0,
    boinUnderdosingRate: Double? = nil, boinOverdosingRate: Double? = nil,
    eliminationCutoff: Double = 0.95, earlyStopPatients: Int? = nil, extraSafetyOffset: Double? = nil,
    skeleton: [Double]? = nil, crmModel: CRMWorkingModel = .empiric, crmPriorVariance: Double = 1.34,
    crmRestrict: Bool = true, crmSafetyStopThreshold: Double? = nil,
    threePlusThreeVariant: ThreePlusThreeDesign.Variant = .classic
  ) {
    self.kind = kind
    self.target = target
    self.doseCount = doseCount
    self.equivalenceInterval = equivalenceInterval
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.startDose = startDose
    self.boinUnderdosingRate = boinUnderdosingRate
    self.boinOverdosingRate = boinOverdosingRate
    self.eliminationCutoff = eliminationCutoff
    self.earlyStopPatients = earlyStopPatients
    self.extraSafetyOffset = extraSafetyOffset
    self.skeleton = skeleton
    self.crmModel = crmModel
    self.crmPriorVariance = crmPriorVariance
    self.crmRestrict = crmRestrict
    self.crmSafetyStopThreshold = crmSafetyStopThreshold
    self.threePlusThreeVariant = threePlusThreeVariant
  }

  /// The equivalence interval in force (the default when none was given).
  public var effectiveInterval: EquivalenceInterval {
    equivalenceInterval ?? .around(target)
  }

  /// Builds the design after ``validate()``.
  public func makeDesign() throws(DesignSettingsError) -> any DoseFindingDesign {
    try validate()
    let maxN = maxSampleSize ?? Int.max
    switch kind {
    case .threePlusThree:
      return ThreePlusThreeDesign(
        doseCount: doseCount, variant: threePlusThreeVariant, startDose: startDose,
        maxSampleSize: maxSampleSize)
    case .i3plus3:
      return I3Plus3Design(
        target: target, interval: effectiveInterval, doseCount: doseCount, cohortSize: cohortSize,
        maxSampleSize: maxN, startDose: startDose, eliminationCutoff: eliminationCutoff,
        earlyStopPatients: earlyStopPatients)
    case .mtpi2:
      return MTPI2Design(
        target: target, interval: effectiveInterval, doseCount: doseCount, cohortSize: cohortSize,
        maxSampleSize: maxN, startDose: startDose, eliminationCutoff: eliminationCutoff,
        earlyStopPatients: earlyStopPatients)
    case .boin:
      return BOINDesign(
        target: target, doseCount: doseCount, cohortSize: cohortSize, maxSampleSize: maxN,
        startDose: startDose, underdosingRate: boinUnderdosingRate, overdosingRate: boinOverdosingRate,
        eliminationCutoff: eliminationCutoff, earlyStopPatients: earlyStopPatients,
        extraSafetyOffset: extraSafetyOffset)
    case .crm:
      return CRMDesign(
        skeleton: skeleton ?? [], target: target, model: crmModel, priorVariance: crmPriorVariance,
        cohortSize: cohortSize, maxSampleSize: maxN, startDose: startDose, noSkipping: crmRestrict,
        coherence: crmRestrict, safetyStopThreshold: crmSafetyStopThreshold)
    }
  }
}
