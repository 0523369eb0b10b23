import ProtocolFiles
import Testing
import TrialModel

/// The bundled protocols the report tests start from (the only place these tests load protocols).
enum SeedProtocols {
  /// NCT07470073: groups A (levels −1, 1, 2, 3) and B (levels 1, 2); kinetics endpoint CK with a
  /// 28-day window; ORR window 90 days.
  static func nct07470073() throws -> TrialProtocol { try ProtocolLibrary.load("NCT07470073") }

  /// NCT07470073 with its kinetics endpoint's window set to `days`.
  static func withKineticsWindow(_ days: Int?) throws -> TrialProtocol {
    var trial = try nct07470073()
    let index = try #require(trial.endpoints.firstIndex { $0.measure == .kinetics })
    trial.endpoints[index].windowDays = days.map { Assumed($0) }
    return trial
  }
}
