import Inputs

/// The 3+3 design as offered by the ``DesignRegistry``: cohorts of 3, no target, three variants.
public struct ThreePlusThreeSpecification: DesignSpecification {
  public init() {}
  public var name: String { "3+3" }
  public var aliases: [String] { ["3p3", "threeplusthree"] }
  public var title: String { "3+3 (Storer 1989; Korn et al. 1994; FIND 0.1.1)" }
  public var usesTarget: Bool { false }
  public var parameters: [DesignParameter] {
    [
      DesignParameter(
        "variant",
        "what ≥ 2 DLTs at a dose does: "
          + ThreePlusThreeDesign.Variant.allowedValues.joined(
            separator: ", "), default: "classic")
    ]
  }

  public func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    guard setup.cohortSize == 3 else {
      throw InputError(field: "cohortSize", expected: "3 for the 3+3 design", found: "\(setup.cohortSize)")
    }
    return ThreePlusThreeDesign(
      doseCount: setup.doseCount,
      variant: try arguments.choice("variant", as: ThreePlusThreeDesign.Variant.self) ?? .classic,
      startDose: setup.startDose, maxSampleSize: setup.maxSampleSize)
  }
}
