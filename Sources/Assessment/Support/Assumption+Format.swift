import TrialModel

extension Assumption {
  /// The assumption of a numeric setting, its value written as in the protocol file (`12`, not
  /// `12.0`); `nil` when the value is stated.
  init?(_ setting: String, _ assumed: Assumed<Double>) {
    guard let reason = assumed.assumption else { return nil }
    self.init(setting: setting, value: Quantity.format(assumed.value), assumption: reason)
  }

  /// The assumption of a comparison setting, written `>` or `>=`; `nil` when the value is stated.
  init?(_ setting: String, _ assumed: Assumed<ThresholdComparison>) {
    guard let reason = assumed.assumption else { return nil }
    self.init(setting: setting, value: assumed.value.rawValue, assumption: reason)
  }
}
