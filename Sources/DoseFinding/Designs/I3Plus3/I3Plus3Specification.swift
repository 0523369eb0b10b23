import Inputs

/// i3+3 (Liu, Wang & Ji 2020) as offered by the ``DesignRegistry``, with FIND 0.1.1's defaults.
public struct I3Plus3Specification: DesignSpecification {
  public init() {}
  public var name: String { "i3+3" }
  public var aliases: [String] { ["i3p3", "i3plus3"] }
  public var title: String { "i3+3 (Liu, Wang & Ji 2020)" }
  public var parameters: [DesignParameter] {
    [
      IntervalParameters.equivalenceInterval, IntervalParameters.eliminationCutoff,
      IntervalParameters.earlyStop,
      DesignParameter(
        "extraSafeSelection",
        "select the next lower dose when the selected dose's estimate exceeds the EI"
          + " (FIND extrasafe)", default: "false"),
    ]
  }

  public func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    I3Plus3Design(
      target: setup.target, interval: try IntervalParameters.interval(arguments, target: setup.target),
      doseCount: setup.doseCount, cohortSize: setup.cohortSize, maxSampleSize: setup.sampleSizeLimit,
      startDose: setup.startDose, eliminationCutoff: try IntervalParameters.cutoff(arguments),
      earlyStopPatients: try IntervalParameters.earlyStopPatients(arguments, setup: setup),
      extraSafeSelection: try arguments.flag("extraSafeSelection") ?? false)
  }
}
