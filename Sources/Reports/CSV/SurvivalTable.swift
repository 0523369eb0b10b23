import Analysis
import Foundation
import Inputs

/// Survival observations of one group, as read from a CSV with caller-named columns.
public struct SurvivalGroup: Sendable, Hashable {
  /// The group's value in the group column ("all" without one).
  public var name: String
  public var observations: [SurvivalObservation]

  public init(name: String, observations: [SurvivalObservation]) {
    self.name = name
    self.observations = observations
  }
}

extension CSVTable {
  /// Survival observations by group: times (≥ 0) from column `time`, event indicators (1 = event,
  /// 0 = censored; also true/false, yes/no) from `event`, groups from `group` when given. Groups are
  /// sorted as R orders factor levels (numbers numerically).
  /// - Throws: ``InputError``: a column that does not exist (its field is `time`, `event` or
  ///   `group`), a bad value (located, its field the column name), or no data rows.
  public func survivalGroups(time: String, event: String, group: String?) throws(InputError)
    -> [SurvivalGroup]
  {
    let timeColumn = try column(time, field: "time")
    let eventColumn = try column(event, field: "event")
    let groupColumn = try group.map { (name) throws(InputError) in try column(name, field: "group") }
    var order: [String] = []
    var observations: [String: [SurvivalObservation]] = [:]
    for row in rows {
      let name = groupColumn.map { string(row, at: $0) } ?? "all"
      let t = try nonNegative(row, header[timeColumn])
      let e = try flag(row, header[eventColumn])
      if observations[name] == nil { order.append(name) }
      observations[name, default: []].append(SurvivalObservation(time: t, event: e))
    }
    guard !order.isEmpty else {
      throw InputError(
        .missing, field: "", expected: "at least one data row", found: "only the header",
        location: SourceLocation(file: file, line: 1, column: 1))
    }
    return order.sorted(by: Self.factorOrder).map {
      SurvivalGroup(name: $0, observations: observations[$0]!)
    }
  }

  /// The order in which `km` lists groups, close to R's factor levels: text order with runs of
  /// digits compared as numbers ("2" before "10").
  static func factorOrder(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: .numeric) == .orderedAscending
  }
}
