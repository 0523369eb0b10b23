import Inputs

extension TrialProtocol {
  /// The design's DLT window for `group`, or, with no group, the window all groups share; `nil`
  /// when the protocol has no groups. Groups with different windows need a group named (an error
  /// for the field `group`).
  public func designDLTWindow(group: PopulationGroup?) throws(InputError) -> Assumed<Int>? {
    if let group { return group.design.dltWindowDays }
    let windows = Set(groups.map(\.design.dltWindowDays.value))
    guard windows.count <= 1 else {
      throw InputError.missing(
        "group",
        expected: "a group: the groups of \(id) have different DLT windows ("
          + groups.map { "\($0.id): \($0.design.dltWindowDays.value) days" }.joined(separator: ", ") + ")")
    }
    return groups.first?.design.dltWindowDays
  }
}
