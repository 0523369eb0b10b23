import Inputs

/// BOIN (Liu & Yuan 2015) as offered by the ``DesignRegistry``: φ₁, φ₂, the elimination cut-off,
/// `n.earlystop`, `extrasafe` and `boundMTD` with BOIN 2.7.2's defaults.
public struct BOINSpecification: DesignSpecification {
  public init() {}
  public var name: String { "boin" }
  public var title: String { "BOIN, Bayesian optimal interval (Liu & Yuan 2015)" }
  public var parameters: [DesignParameter] {
    [
      DesignParameter("phi1", "φ₁, the highest DLT rate deemed sub-therapeutic", default: "0.6 × target"),
      DesignParameter("phi2", "φ₂, the lowest DLT rate deemed overly toxic", default: "1.4 × target"),
      IntervalParameters.eliminationCutoff, IntervalParameters.earlyStop,
      DesignParameter(
        "extraSafeOffset", "extrasafe: stop at the lowest dose when Pr(p₁ > target) > cut-off − offset",
        default: "off (BOIN's offset is 0.05 when on)"),
      DesignParameter("boundMTD", "select only doses with isotonic estimate ≤ λd", default: "false"),
    ]
  }

  public func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    let phi1 = try arguments.number("phi1") ?? 0.6 * setup.target
    let phi2 = try arguments.number("phi2") ?? 1.4 * setup.target
    guard phi1 > 0 && phi1 < setup.target else {
      throw InputError(field: "phi1", expected: "0 < φ1 < target \(setup.target)", found: "\(phi1)")
    }
    guard phi2 > setup.target && phi2 < 1 else {
      throw InputError(field: "phi2", expected: "target \(setup.target) < φ2 < 1", found: "\(phi2)")
    }
    let offset = try arguments.number("extraSafeOffset")
    if let offset, !(offset > 0 && offset < 1) {
      throw InputError(
        field: "extraSafeOffset", expected: "an offset strictly between 0 and 1", found: "\(offset)")
    }
    return BOINDesign(
      target: setup.target, doseCount: setup.doseCount, cohortSize: setup.cohortSize,
      maxSampleSize: setup.sampleSizeLimit, startDose: setup.startDose,
      underdosingRate: arguments["phi1"] == nil ? nil : phi1,
      overdosingRate: arguments["phi2"] == nil ? nil : phi2,
      eliminationCutoff: try IntervalParameters.cutoff(arguments),
      earlyStopPatients: try IntervalParameters.earlyStopPatients(arguments, setup: setup),
      extraSafetyOffset: offset, boundMTD: try arguments.flag("boundMTD") ?? false)
  }
}
