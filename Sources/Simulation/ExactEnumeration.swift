import DoseFinding
import Inputs

/// Where an exact enumeration puts each finished trial: the streaming ``OutcomeSummary`` (the
/// operating characteristics) or ``TerminalList`` (the distribution itself, for a multi-group
/// protocol's opening rules).
protocol TerminalSink {
  /// Adds the finished state `key` with its selection (`nil`: no MTD), stop reason and probability.
  mutating func add<W: SIMD>(
    _ key: W, layout: StateLayout, selected: Int?, reason: StopReason, weight: Double
  ) where W.Scalar == UInt64
}

extension OutcomeSummary: TerminalSink {
  mutating func add<W: SIMD>(
    _ key: W, layout: StateLayout, selected: Int?, reason: StopReason, weight: Double
  ) where W.Scalar == UInt64 {
    add(selected: selected, stopReason: reason, weight: weight) { layout.doseCounts(key, dose: $0) }
  }
}

/// Every distinct finished trial (counts, selection, stop reason) with its probability.
struct TerminalList: TerminalSink {
  private var index: [PackedState: Int] = [:]
  private var terminals: [PackedState] = []
  private var weights: [Double] = []

  mutating func add<W: SIMD>(
    _ key: W, layout: StateLayout, selected: Int?, reason: StopReason, weight: Double
  ) where W.Scalar == UInt64 {
    let terminal = layout.terminal(of: key, selected: selected, reason: reason)
    if let i = index[terminal] {
      weights[i] += weight
    } else {
      index[terminal] = terminals.count
      terminals.append(terminal)
      weights.append(weight)
    }
  }

  func outcomes(_ layout: StateLayout) -> [(outcome: TrialOutcome, weight: Double)] {
    zip(terminals, weights).map { (layout.outcome($0), $1) }
  }
}

/// The exact enumeration of a count-driven design, level by level.
///
/// ```
/// level ← {state of the trial today: probability 1}
/// while level is not empty:
///     next ← empty table of states
///     for each (state, m) in level:
///         ask the design at state (once: states are merged)
///         if the trial finishes: sink ← (state, selection, stop reason, m)
///         else for y in 0…c: next[state + cohort of c with y DLTs at the chosen dose] += m · P(y)
///     level ← next                          (the level before is freed)
/// ```
///
/// Every state after k cohorts holds k·c patients more than today's, so states merge only
/// within a level and two levels are all the memory the enumeration needs (``LevelTable``).
struct ExactEnumeration<Transition: CohortTransition> {
  let design: any DoseFindingDesign
  let layout: StateLayout
  var transition: Transition
  private var decider: DesignDecider
  private var scratch: TrialHistory

  init(design: any DoseFindingDesign, transition: Transition) throws(InputError) {
    guard design.maxSampleSize <= ExactOperatingCharacteristics.maximumSampleSize else {
      throw InputError(
        .limitExceeded, field: "maxSampleSize",
        expected: "at most \(ExactOperatingCharacteristics.maximumSampleSize) patients for exact "
          + "enumeration (its states grow exponentially with the trial size; simulate larger trials)",
        found: "\(design.maxSampleSize)")
    }
    self.design = design
    layout = try StateLayout(
      doseCount: design.doseCount, maxSampleSize: design.maxSampleSize, cohortSize: design.cohortSize)
    self.transition = transition
    decider = DesignDecider(design: design)
    scratch = TrialHistory(doseCount: design.doseCount, startDose: 0)
  }

  /// Streams every finished trial reachable from `history` into `sink`; returns their total
  /// probability. Keys are two words wide when the layout fits, four otherwise.
  mutating func run(
    from history: TrialHistory, into sink: inout some TerminalSink,
    progress: ((ExactProgress) -> Void)? = nil
  ) -> Double {
    layout.wordCount <= 2
      ? run(SIMD2<UInt64>.self, from: history, into: &sink, progress: progress)
      : run(SIMD4<UInt64>.self, from: history, into: &sink, progress: progress)
  }

  private mutating func run<W: SIMD>(
    _: W.Type, from history: TrialHistory, into sink: inout some TerminalSink,
    progress: ((ExactProgress) -> Void)?
  ) -> Double where W.Scalar == UInt64 {
    let cohorts = design.maxSampleSize / design.cohortSize
    var finished = CompensatedSum()
    var next = LevelTable<W>(expected: design.cohortSize + 1)
    let root: W = layout.pack(history)
    scratch = history
    // The empty trial starts at its current dose; a trial under way gets the design's decision
    // at its state, as every later state does.
    let first: DesignStep =
      history.totalPatients == 0
      ? .treat(nextDose: history.currentDose, eliminatedFrom: history.eliminatedFrom)
      : decider.step(&scratch, counts: layout.counts(of: root))
    var streamed = 0
    apply(
      first, at: root, mass: 1, childrenFinish: false,
      next: &next, sink: &sink, finished: &finished, streamed: &streamed)
    flush(&next)
    var states = 1 + next.count + streamed
    var previous = 1
    var cohort = 0
    let usesCounts = decider.usesCounts
    progress?(
      ExactProgress(cohortsDone: 0, cohorts: cohorts, statesAtCohort: 1, states: states))
    var level = LevelTable<W>(expected: 0)
    while next.count > 0 || streamed > 0 {
      if next.count == 0 {
        // The last cohort's trials all finished as they were reached (not stored, not merged).
        cohort += 1
        progress?(
          ExactProgress(
            cohortsDone: cohort, cohorts: cohorts, statesAtCohort: streamed, states: states,
            statesAtPreviousCohort: previous))
        break
      }
      swap(&level, &next)
      // The states of this level hold `patients`; their children finish if they cannot take
      // another cohort, and are then not stored if there would be many of them.
      let patients = history.totalPatients + (cohort + 1) * design.cohortSize
      let childrenFinish =
        finishes(patients + design.cohortSize) && level.count > Self.largestStoredLastLevel
      let growth = Double(level.count) / Double(max(previous, 1))
      next.reset(expected: childrenFinish ? 0 : Int(Double(level.count) * max(growth, 1) * 1.02) + 16)
      streamed = 0
      for slot in 0..<level.capacity where !level.isEmpty(slot) {
        let (key, m) = level.entry(slot)
        if m == 0 { continue }
        layout.unpack(key, into: &scratch)
        let counts = usesCounts ? layout.counts(of: key) : PackedState(words: .zero)
        let step = decider.step(&scratch, counts: counts)
        apply(
          step, at: key, mass: m, childrenFinish: childrenFinish, next: &next, sink: &sink,
          finished: &finished, streamed: &streamed)
      }
      flush(&next)
      cohort += 1
      states += next.count + streamed
      progress?(
        ExactProgress(
          cohortsDone: cohort, cohorts: cohorts, statesAtCohort: level.count, states: states,
          statesAtPreviousCohort: previous))
      previous = level.count
    }
    return finished.value
  }

  /// Whether a trial of `patients` patients must finish: no cohort may take it past the maximum
  /// sample size, whatever the design would do next.
  private func finishes(_ patients: Int) -> Bool { patients + design.cohortSize > design.maxSampleSize }

  /// Above this many states before the last cohort, the last level is streamed rather than
  /// stored (its table would be the largest of all: 3.9 million states, 120 MB, for 20 cohorts
  /// of 3 of BOIN); below it, merging its states first saves design calls.
  static var largestStoredLastLevel: Int { 100_000 }

  /// The design's step at state `key` of probability `m`: a finished trial goes to `sink`, a
  /// continuing one spreads its probability over the next cohort's outcomes in `next` — or,
  /// when its children must all finish and are many (`childrenFinish`), asks the design at each
  /// child at once and sends it to `sink` (counted in `streamed`): a large last level is never
  /// stored, which keeps the largest table out of memory at the cost of asking the design once
  /// per path into the last level rather than once per distinct state.
  private mutating func apply<W: SIMD>(
    _ step: DesignStep, at key: W, mass m: Double, childrenFinish: Bool, next: inout LevelTable<W>,
    sink: inout some TerminalSink, finished: inout CompensatedSum, streamed: inout Int
  ) where W.Scalar == UInt64 {
    switch step {
    case .finished(let selected, let reason):
      sink.add(key, layout: layout, selected: selected, reason: reason, weight: m)
      finished.add(m)
    case .treat(let dose, let eliminated):
      transition.prepare(dose: dose, counts: layout.doseCounts(key, dose: dose))
      let elim = eliminated ?? -1
      for y in 0...design.cohortSize {
        let p = transition.probability(y)
        if p == 0 { continue }
        let child: W = layout.child(
          of: key, dose: dose, dlts: y, eliminatedFrom: elim, recordLastCohort: design.usesLastCohort)
        if childrenFinish {
          layout.unpack(child, into: &scratch)
          let counts = decider.usesCounts ? layout.counts(of: child) : PackedState(words: .zero)
          guard case .finished(let selected, let reason) = decider.step(&scratch, counts: counts) else {
            preconditionFailure("a trial at its maximum sample size continued")
          }
          sink.add(child, layout: layout, selected: selected, reason: reason, weight: m * p)
          finished.add(m * p)
          streamed += 1
          continue
        }
        var wide = SIMD4<UInt64>.zero
        for i in 0..<W.scalarCount { wide[i] = child[i] }
        pending.append((wide, m * p, next.home(child)))
      }
      if pending.count >= Self.batch { flush(&next) }
    }
  }

  /// Children waiting to be added to the next level, with their home slots.
  private var pending: [(key: SIMD4<UInt64>, mass: Double, home: Int)] = []
  /// Children added at a time: their home slots are touched first so that the cache misses of a
  /// batch overlap instead of following one another.
  private static var batch: Int { 64 }

  /// Adds the pending children to `next`.
  private mutating func flush<W: SIMD>(_ next: inout LevelTable<W>) where W.Scalar == UInt64 {
    var touched: UInt64 = 0
    for entry in pending { touched |= next.touch(entry.home) }
    let capacity = next.capacity
    for entry in pending {
      var key = W()
      for i in 0..<W.scalarCount { key[i] = entry.key[i] }
      next.add(key, entry.mass, home: entry.home, capacity: capacity)
    }
    pending.removeAll(keepingCapacity: true)
    self.touched = touched
  }

  /// Keeps the touches of ``flush(_:)`` from being optimized away.
  private var touched: UInt64 = 0
}
