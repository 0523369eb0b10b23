import DoseFinding

/// The immutable inputs of one Monte Carlo run, shared by its workers.
struct SimulationJob: Sendable {
  let design: any DoseFindingDesign
  let layout: StateLayout
  let table: CohortOutcomeTable
  let startDose: Int
  let trials: Int
  let streams: [Xoshiro256StarStar]

  func trialCount(ofBlock block: Int) -> Int {
    min(MonteCarloSimulation.blockSize, trials - block * MonteCarloSimulation.blockSize)
  }

  /// Runs `blocks` walking a worker-local ``DecisionGraph``; counts finished trials per outcome.
  func runMemoized(blocks: [Int], finished: FinishedTrials) -> [PackedState: Int] {
    var graph = DecisionGraph(design: design, layout: layout, startDose: startDose)
    var hits: [Int] = []
    for block in blocks {
      var rng = streams[block]
      let count = trialCount(ofBlock: block)
      for _ in 0..<count {
        var node: Int32 = 0
        while true {
          let dose = graph.nextDose[Int(node)]
          if dose < 0 {
            let t = Int(graph.terminalIndex[Int(node)])
            if t >= hits.count { hits.append(contentsOf: repeatElement(0, count: t + 1 - hits.count)) }
            hits[t] &+= 1
            break
          }
          let y = table.draw(dose: Int(dose), uniform: rng.nextUnitInterval())
          node = graph.child(node, outcome: y)
        }
      }
      finished.add(count)
    }
    var result: [PackedState: Int] = [:]
    for (t, n) in hits.enumerated() where n > 0 { result[graph.terminals[t]] = n }
    return result
  }

  /// Runs `blocks` calling the design after every cohort; same random numbers, same results as
  /// ``runMemoized(blocks:finished:)``.
  func runDirect(blocks: [Int], finished: FinishedTrials) -> [PackedState: Int] {
    let c = design.cohortSize
    var history = TrialHistory(doseCount: design.doseCount, startDose: startDose)
    var hits: [PackedState: Int] = [:]
    for block in blocks {
      var rng = streams[block]
      let count = trialCount(ofBlock: block)
      for _ in 0..<count {
        for d in 0..<design.doseCount { history.counts[d] = DoseCounts() }
        history.eliminatedFrom = nil
        history.lastCohort = nil
        var dose = startDose
        trial: while true {
          let y = table.draw(dose: dose, uniform: rng.nextUnitInterval())
          history.counts[dose].patients += c
          history.counts[dose].dlts += y
          history.currentDose = dose
          if design.usesLastCohort { history.lastCohort = DoseCounts(patients: c, dlts: y) }
          switch DesignStep.after(&history, design: design) {
          case .treat(let next, let eliminated):
            dose = next
            history.eliminatedFrom = eliminated
          case .finished(let selected, let reason):
            let key = layout.terminal(of: layout.pack(history), selected: selected, reason: reason)
            hits[key, default: 0] += 1
            break trial
          }
        }
      }
      finished.add(count)
    }
    return hits
  }
}
