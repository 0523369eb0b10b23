/// Operating characteristics of a dose-finding design under one true-toxicity scenario.
///
/// Dose arrays are indexed by dose level (element 0 = dose level 1). Exact results carry no
/// standard errors; simulated results carry a Monte Carlo standard error for every figure.
public struct OperatingCharacteristics: Sendable, Codable, Equatable {
  /// How the figures were obtained.
  public enum Method: String, Sendable, Codable {
    /// Exact enumeration of all trial paths (probability mass merged over equal states).
    case exact
    /// Monte Carlo simulation.
    case simulation
  }

  /// `exact` or `simulation`.
  public var method: Method
  /// The design and the rules it follows (its `variantName`); the application layer adds the
  /// registry's short name as `design`.
  public var variant: String
  /// The scenario's true DLT probabilities.
  public var truth: [Double]
  /// Target DLT rate.
  public var target: Double
  /// True MTD as a dose level (dose with true rate closest to the target; ties → lower), named by
  /// ``levels``.
  public var trueMTD: Int
  /// Number of simulated trials (`nil` for exact results).
  public var trials: Int?
  /// Seed of the simulation (`nil` for exact results).
  public var seed: UInt64?
  /// Probability of selecting each dose as the MTD.
  public var selection: [Double]
  /// Probability of selecting no dose ("no MTD").
  public var noSelection: Double
  /// Expected number of patients treated at each dose.
  public var meanPatients: [Double]
  /// Expected number of DLTs at each dose.
  public var meanDLTs: [Double]
  /// Expected total number of DLTs.
  public var meanTotalDLTs: Double
  /// Expected sample size.
  public var meanSampleSize: Double
  /// Distribution of the sample size.
  public var sampleSizeDistribution: [SampleSizeProbability]
  /// Probability that the trial stopped before its maximum sample size (any reason).
  public var earlyStop: Double
  /// Probability that the trial stopped because the lowest dose was too toxic (no MTD).
  public var stopForToxicity: Double
  /// Probability of selecting a dose above the true MTD.
  public var selectionAboveMTD: Double
  /// Expected share of a trial's patients treated above the true MTD (mean over trials of the
  /// per-trial share).
  public var patientsAboveMTD: Double
  /// Probability of selecting the true MTD.
  public var correctSelection: Double
  /// Total probability mass of the finished trials (exact only; 1 within 1e-12).
  public var totalProbability: Double?
  /// Monte Carlo standard errors (simulation only).
  public var standardErrors: StandardErrors?
  /// The dose level of each element of the per-dose arrays: 1…K, or a protocol's levels (−1, 1, 2,
  /// …) after ``labelled(_:)``.
  public var levels: [Int] = []

  /// The same figures with the doses named by `levels` (one per dose, lowest first): sets
  /// ``levels`` and gives ``trueMTD`` as the true MTD's level.
  public func labelled(_ levels: [Int]) -> OperatingCharacteristics {
    precondition(levels.count == truth.count, "one level per dose")
    var copy = self
    copy.trueMTD = levels[trueMTDIndex]
    copy.levels = levels
    return copy
  }

  /// 0-based index of the true MTD.
  public var trueMTDIndex: Int { levels.firstIndex(of: trueMTD) ?? trueMTD - 1 }

  /// Monte Carlo standard errors, one per figure: sqrt(sample variance / trials).
  public struct StandardErrors: Sendable, Codable, Equatable {
    public var selection: [Double]
    public var noSelection: Double
    public var meanPatients: [Double]
    public var meanDLTs: [Double]
    public var meanTotalDLTs: Double
    public var meanSampleSize: Double
    public var sampleSizeDistribution: [SampleSizeProbability]
    public var earlyStop: Double
    public var stopForToxicity: Double
    public var selectionAboveMTD: Double
    public var patientsAboveMTD: Double
    public var correctSelection: Double
  }
}

/// The probability of one sample size.
public struct SampleSizeProbability: Sendable, Codable, Equatable {
  /// Number of patients treated.
  public var patients: Int
  /// Probability (or, in ``OperatingCharacteristics/StandardErrors``, its standard error).
  public var probability: Double
}
