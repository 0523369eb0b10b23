import DoseFinding

/// The states a count-driven design can reach, each asked for its decision once.
///
/// A node is the state after a cohort's outcome (or the start of the trial, node 0). Nodes are
/// merged by their ``PackedState`` key, so the design is consulted once per distinct state however
/// many paths lead there: the Monte Carlo simulator walks it, replacing most design calls by an
/// array look-up. (Exact enumeration keeps only two levels of states instead, see
/// ``ExactEnumeration``.)
///
/// The type is deliberately not generic over the design: the walk over existing nodes is concrete
/// code whoever calls it, and the design (an existential) is consulted only when a node is new.
///
/// Nodes are created lazily by ``child(_:outcome:)``. When nodes are expanded in order of creation,
/// every node's parents come before it.
struct DecisionGraph {
  let design: any DoseFindingDesign
  private(set) var decider: DesignDecider
  let layout: StateLayout
  let outcomesPerCohort: Int
  let recordsLastCohort: Bool
  /// Key of every node.
  private(set) var keys: [PackedState] = []
  /// Dose of the next cohort, or −1 when the trial has finished at this node.
  private(set) var nextDose: [Int32] = []
  /// Lowest eliminated dose after the node's decision (−1: none), for its children's keys.
  private var eliminatedFrom: [Int32] = []
  /// For finished nodes, the index of their outcome in ``terminals``; −1 otherwise.
  private(set) var terminalIndex: [Int32] = []
  /// `children[node * outcomesPerCohort + y]`: the node after y DLTs in the next cohort (−1: not
  /// created yet).
  private var children: [Int32] = []
  private var nodeIndex = StateIndex(capacity: 8192)
  /// Distinct finished-trial keys (counts, selection, stop reason).
  private(set) var terminals: [PackedState] = []
  private var terminalLookup = StateIndex()
  private var scratch: TrialHistory

  init(design: any DoseFindingDesign, layout: StateLayout, startDose: Int) {
    self.init(
      design: design, layout: layout, from: TrialHistory(doseCount: design.doseCount, startDose: startDose))
  }

  /// The graph from a trial's state `history` (node 0): the empty trial starts at its current
  /// dose; a trial under way gets the design's decision at its state, as any node does.
  init(design: any DoseFindingDesign, layout: StateLayout, from history: TrialHistory) {
    self.design = design
    decider = DesignDecider(design: design)
    self.layout = layout
    outcomesPerCohort = design.cohortSize + 1
    recordsLastCohort = design.usesLastCohort
    scratch = history
    let root = layout.pack(scratch)
    keys.append(root)
    children.append(contentsOf: repeatElement(-1, count: outcomesPerCohort))
    nodeIndex.insert(0, in: keys)
    if history.totalPatients == 0 {
      nextDose.append(Int32(history.currentDose))
      eliminatedFrom.append(Int32(history.eliminatedFrom ?? -1))
      terminalIndex.append(-1)
    } else {
      decide(root)
    }
  }

  var nodeCount: Int { keys.count }

  /// The node reached from `node` when the next cohort has `y` DLTs.
  mutating func child(_ node: Int32, outcome y: Int) -> Int32 {
    let slot = Int(node) &* outcomesPerCohort &+ y
    let known = children[slot]
    if known >= 0 { return known }
    let created = makeChild(node, outcome: y)
    children[slot] = created
    return created
  }

  private mutating func makeChild(_ node: Int32, outcome y: Int) -> Int32 {
    let parent = Int(node)
    let elim = eliminatedFrom[parent]
    let key = layout.child(
      of: keys[parent], dose: Int(nextDose[parent]), dlts: y, eliminatedFrom: Int(elim),
      recordLastCohort: recordsLastCohort)
    if let existing = nodeIndex.index(of: key, in: keys) { return existing }
    let id = Int32(keys.count)
    keys.append(key)
    nodeIndex.insert(id, in: keys)
    children.append(contentsOf: repeatElement(-1, count: outcomesPerCohort))
    layout.unpack(key, into: &scratch)
    decide(key)
    return id
  }

  /// Records the design's decision at the newest node, whose state `key` is in ``scratch``.
  private mutating func decide(_ key: PackedState) {
    switch decider.step(&scratch, counts: layout.counts(of: key)) {
    case .treat(let next, let eliminated):
      nextDose.append(Int32(next))
      eliminatedFrom.append(Int32(eliminated ?? -1))
      terminalIndex.append(-1)
    case .finished(let selected, let reason):
      nextDose.append(-1)
      eliminatedFrom.append(-1)
      let terminal = layout.terminal(of: key, selected: selected, reason: reason)
      if let index = terminalLookup.index(of: terminal, in: terminals) {
        terminalIndex.append(index)
      } else {
        let index = Int32(terminals.count)
        terminals.append(terminal)
        terminalLookup.insert(index, in: terminals)
        terminalIndex.append(index)
      }
    }
  }
}
