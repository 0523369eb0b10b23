import TrialModel

extension CRSSettings {
  /// The assumed settings a CRS grade of `observation` depends on, named by their keys under the
  /// protocol file's `assessment:` (`crs.adultHypotensionSystolicBelow`): the fever and low-flow
  /// thresholds always, and the hypotension thresholds used when a systolic pressure is graded.
  public func assumptions(for observation: CRSObservation) -> [Assumption] {
    var used: [(String, Assumed<Double>)] = [
      ("feverThresholdCelsius", feverThresholdCelsius),
      ("lowFlowMaximumLitresPerMinute", lowFlowMaximumLitresPerMinute),
    ]
    if observation.systolicBloodPressure != nil {
      if let age = observation.ageYears {
        used.append(("hypotensionAdultFromAgeYears", hypotensionAdultFromAgeYears))
        if age < hypotensionAdultFromAgeYears.value {
          used.append(("paediatricHypotensionBaseMmHg", paediatricHypotensionBaseMmHg))
          used.append(("paediatricHypotensionPerYearMmHg", paediatricHypotensionPerYearMmHg))
        } else {
          used.append(("adultHypotensionSystolicBelow", adultHypotensionSystolicBelow))
        }
      } else {
        used.append(("adultHypotensionSystolicBelow", adultHypotensionSystolicBelow))
      }
    }
    return used.compactMap { Assumption("crs.\($0)", $1) }
  }
}
