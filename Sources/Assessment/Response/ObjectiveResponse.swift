/// Overall remission rate counts: ORR = (CR + CRi maintained, within the window) / infused
/// subjects (ELIANA primary endpoint; Maude et al., NEJM 2018). The exact (Clopper–Pearson) interval is
/// computed from these counts by `Analysis.ProportionInterval`.
public struct ObjectiveResponseCounts: Sendable, Hashable, Codable {
  /// Subjects with a confirmed CR.
  public var completeRemissions: Int
  /// Subjects with a confirmed CRi as best response.
  public var completeRemissionsIncompleteRecovery: Int
  /// CR + CRi.
  public var responders: Int
  /// The denominator: every infused subject given, including non-evaluable ones (non-responders).
  public var subjects: Int
  /// Subjects whose remission still awaits confirmation (counted as non-responders for now).
  public var pendingConfirmation: Int
  /// Responders whose remission was MRD-negative.
  public var mrdNegativeResponders: Int

  /// Counts over the best overall responses of the infused subjects.
  public init(_ responses: [BestOverallResponse]) {
    let confirmed = responses.filter(\.responder)
    completeRemissions = confirmed.filter { $0.bestResponse == .completeRemission }.count
    completeRemissionsIncompleteRecovery = confirmed.count - completeRemissions
    responders = confirmed.count
    subjects = responses.count
    pendingConfirmation = responses.filter { $0.status == .pendingConfirmation }.count
    mrdNegativeResponders = confirmed.filter(\.mrdNegativeRemission).count
  }
}
