import TrialModel

extension ResponseSettings {
  /// The response window in force: these settings' `windowDays`, else the protocol's ORR endpoint
  /// window, else ``defaultWindowDays`` (91 days), with its assumption if any.
  public func window(endpointWindowDays: Assumed<Int>?) -> Assumed<Int> {
    windowDays ?? endpointWindowDays ?? Self.defaultWindowDays
  }

  /// Every assumed setting of response assessment with `window` (see
  /// ``window(endpointWindowDays:)``), named by its key under the protocol file's `assessment:`
  /// (`response.windowDays`, `response.ancComparison`, …), in the order of the settings.
  public func assumptions(window: Assumed<Int>) -> [Assumption] {
    func days(_ setting: String, _ assumed: Assumed<Int>) -> Assumption? {
      assumed.assumption.map { Assumption(setting: setting, value: "\(assumed.value)", assumption: $0) }
    }
    let all: [Assumption?] = [
      days("response.windowDays", window),
      Assumption("response.marrowBlastsBelowPercent", marrowBlastsBelowPercent),
      Assumption("response.ancThresholdPerMicrolitre", ancThresholdPerMicrolitre),
      Assumption("response.ancComparison", ancComparison),
      Assumption("response.plateletThresholdPerMicrolitre", plateletThresholdPerMicrolitre),
      Assumption("response.plateletComparison", plateletComparison),
      Assumption("response.partialResponseMaximumBlastsPercent", partialResponseMaximumBlastsPercent),
      Assumption("response.partialResponseMinimumReduction", partialResponseMinimumReduction),
      Assumption("response.progressionMinimumIncrease", progressionMinimumIncrease),
      Assumption("response.relapseMarrowBlastsPercent", relapseMarrowBlastsPercent),
      Assumption(
        "response.relapseAfterPartialResponseBlastsPercent", relapseAfterPartialResponseBlastsPercent),
      Assumption("response.mrdNegativeBelow", mrdNegativeBelow),
      Assumption("response.mrdRequiredSensitivity", mrdRequiredSensitivity),
      days("response.durabilityDays", durabilityDays),
    ]
    return all.compactMap { $0 }
  }
}
