import Analysis

/// The cellular-kinetics results of a report: NCA per subject, their summaries, the median
/// profile and the Stein 2019 model fits.
public struct KineticsResults: Sendable {
  /// One subject's NCA; `result` is `nil` when no sample is measurable (all BLQ).
  public struct SubjectNCA: Sendable {
    public let subject: String
    public let result: NCAResult?
  }

  /// One subject's model fit (subjects with too few measurable samples have none).
  public struct SubjectFit: Sendable {
    public let subject: String
    public let fit: SteinModelFit
  }

  public let nca: [SubjectNCA]
  /// Geometric mean and CV of Cmax over the subjects with a measurable sample.
  public let cmax: GeometricSummary?
  /// Geometric mean and CV of the interval AUC over the subjects where it is positive.
  public let aucInterval: GeometricSummary?
  /// Median and range of Tmax.
  public let tmax: MedianRange?
  /// Median concentration by sampling time (``ConcentrationProfile/medianProfile(_:)``).
  public let medianProfile: [(time: Double, concentration: Double)]
  public let fits: [SubjectFit]

  /// Analyses `profiles` with `options` (its interval is the AUC interval).
  public init(_ profiles: [KineticProfile], options: NCAOptions) {
    nca = profiles.map {
      SubjectNCA(subject: $0.subject, result: try? $0.profile.nonCompartmentalAnalysis(options))
    }
    let results = nca.compactMap(\.result)
    cmax = GeometricSummary(results.map(\.cmax))
    aucInterval = GeometricSummary(results.compactMap(\.aucInterval))
    tmax = MedianRange(results.map(\.tmax))
    medianProfile = ConcentrationProfile.medianProfile(profiles.map(\.profile))
    fits = profiles.compactMap { profile in
      (try? SteinModelFit.fit(profile.profile)).map { SubjectFit(subject: profile.subject, fit: $0) }
    }
  }
}

extension TrialReport {
  /// The kinetics of the covered subjects over the report's NCA interval.
  public func kineticsResults() -> KineticsResults { KineticsResults(kinetics, options: ncaOptions) }
}
