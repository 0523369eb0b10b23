import Inputs

/// mTPI-2 (Guo et al. 2017) as offered by the ``DesignRegistry``, with FIND 0.1.1's defaults.
public struct MTPI2Specification: DesignSpecification {
  public init() {}
  public var name: String { "mtpi2" }
  public var aliases: [String] { ["mtpi-2"] }
  public var title: String { "mTPI-2, modified toxicity probability interval (Guo et al. 2017)" }
  public var parameters: [DesignParameter] {
    [
      IntervalParameters.equivalenceInterval, IntervalParameters.eliminationCutoff,
      IntervalParameters.earlyStop,
    ]
  }

  public func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    MTPI2Design(
      target: setup.target, interval: try IntervalParameters.interval(arguments, target: setup.target),
      doseCount: setup.doseCount, cohortSize: setup.cohortSize, maxSampleSize: setup.sampleSizeLimit,
      startDose: setup.startDose, eliminationCutoff: try IntervalParameters.cutoff(arguments),
      earlyStopPatients: try IntervalParameters.earlyStopPatients(arguments, setup: setup))
  }
}
