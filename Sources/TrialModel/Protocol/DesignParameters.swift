/// The dose-finding design of a group as the protocol file states it: plain data, turned into an
/// executable design by the `DoseFinding` module.
public struct DesignParameters: Codable, Sendable, Hashable {
  /// Design name: `3+3`, `i3+3`, `boin`, `mtpi2` or `crm` (case-insensitive).
  public var name: String
  /// Variant where a design has several (e.g. `classic` or `korn` for 3+3).
  public var variant: String?
  /// Target DLT rate φ.
  public var target: Assumed<Double>
  /// Equivalence interval [φ − ε₁, φ + ε₂] (i3+3, mTPI-2).
  public var equivalenceInterval: Assumed<[Double]>?
  /// Patients per cohort.
  public var cohortSize: Assumed<Int>
  /// Maximum number of patients in this group's escalation.
  public var maxSampleSize: Assumed<Int>
  /// The DLT observation window after infusion, in days.
  public var dltWindowDays: Assumed<Int>
  /// CRM skeleton (prior DLT probabilities per dose level), when the design is CRM.
  public var skeleton: [Double]?

  public init(
    name: String, variant: String? = nil, target: Assumed<Double>,
    equivalenceInterval: Assumed<[Double]>? = nil, cohortSize: Assumed<Int>,
    maxSampleSize: Assumed<Int>, dltWindowDays: Assumed<Int>, skeleton: [Double]? = nil
  ) {
    self.name = name
    self.variant = variant
    self.target = target
    self.equivalenceInterval = equivalenceInterval
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.dltWindowDays = dltWindowDays
    self.skeleton = skeleton
  }

  /// Design names a protocol may use, in canonical spelling.
  public static let knownDesigns = ["3+3", "i3+3", "boin", "mtpi2", "crm"]

  /// The canonical design name for `name`, accepting common aliases; `nil` when unknown.
  public static func canonicalName(_ name: String) -> String? {
    switch name.lowercased().replacingOccurrences(of: " ", with: "") {
    case "3+3", "3p3", "threeplusthree": "3+3"
    case "i3+3", "i3p3", "i3plus3": "i3+3"
    case "boin": "boin"
    case "mtpi2", "mtpi-2": "mtpi2"
    case "crm": "crm"
    default: nil
    }
  }
}
