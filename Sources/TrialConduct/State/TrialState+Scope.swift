extension TrialState {
  /// The state with only the subjects whose site `visible` admits — what a user bound to one site
  /// may take out of the trial (an export). The trial's own facts (protocol, groups, decisions,
  /// counts) are kept; the subjects left out are gone from ``subjects`` and ``subjectOrder``, so
  /// nothing that walks the subjects reaches them.
  public func restricted(toSites visible: (String?) -> Bool) -> TrialState {
    var state = self
    state.subjects = subjects.filter { visible($0.value.site) }
    state.subjectOrder = subjectOrder.filter { state.subjects[$0] != nil }
    return state
  }
}
