import TrialModel

extension DLTSettings {
  /// The DLT window in force: these settings' `windowDays`, else the group design's
  /// `dltWindowDays`, else ``defaultWindowDays`` (28 days [R]), with its assumption if any.
  public func window(designWindowDays: Assumed<Int>?) -> Assumed<Int> {
    windowDays ?? designWindowDays ?? Self.defaultWindowDays
  }

  /// The assumed settings of an adjudication with `window` (see ``window(designWindowDays:)``):
  /// the window as `dlt.windowDays` (the key that states it in the protocol file's `assessment:`),
  /// then each assumed rule, named by its id (`crs-grade-4`) with its description as value.
  public func assumptions(window: Assumed<Int>) -> [Assumption] {
    let windowAssumption = window.assumption.map {
      Assumption(setting: "dlt.windowDays", value: "\(window.value)", assumption: $0)
    }
    let ruleAssumptions = rules.compactMap { rule in
      rule.assumption.map { Assumption(setting: rule.id, value: rule.description, assumption: $0) }
    }
    return (windowAssumption.map { [$0] } ?? []) + ruleAssumptions
  }
}
