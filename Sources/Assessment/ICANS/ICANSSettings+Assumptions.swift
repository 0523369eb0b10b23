import TrialModel

extension ICANSSettings {
  /// The assumed settings of ICANS grading (the CAPD age cut-off and grade 3 minimum), named by
  /// their keys under the protocol file's `assessment:` (`icans.capdBelowAgeYears`).
  public var assumptions: [Assumption] {
    let capdMinimum = capdGrade3Minimum.assumption.map {
      Assumption(setting: "icans.capdGrade3Minimum", value: "\(capdGrade3Minimum.value)", assumption: $0)
    }
    return [Assumption("icans.capdBelowAgeYears", capdBelowAgeYears), capdMinimum].compactMap { $0 }
  }
}
