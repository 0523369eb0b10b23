extension TrialProtocol {
  /// The response window in force, the one rule every command and report uses: the protocol's
  /// `assessment.response.windowDays`, else the ORR endpoint's `windowDays`, else
  /// ``ResponseSettings/defaultWindowDays`` (91 days, an assumption), with its assumption if any.
  public var responseWindow: Assumed<Int> {
    assessment.response.windowDays ?? endpoints.first { $0.measure == .orr }?.windowDays
      ?? ResponseSettings.defaultWindowDays
  }
}
