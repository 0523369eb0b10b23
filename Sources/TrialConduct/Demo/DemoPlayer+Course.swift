import Simulation
import TrialModel

// A subject's course drawn at enrolment, and its steps put on the agenda.
extension DemoPlayer {
  mutating func plan(_ subject: String, site: String, group: String, patient: DemoPatient) -> DemoPlan {
    let level = state.subjects[subject]?.enrolment?.level ?? 0
    let levels = state.design(forGroup: group)?.levels ?? [level]
    let index = levels.firstIndex(of: level) ?? 0
    let p = DemoTrial.toxicity[min(index, DemoTrial.toxicity.count - 1)]
    let fails = autologous && enrolments == 2
    if !fails { infusionsPlanned += 1 }
    let dlt = rng.nextUnitInterval() < p
    let u = rng.nextUnitInterval()
    let responds = rng.nextUnitInterval() < min(0.85, 0.5 + 0.1 * Double(index))
    let depth = rng.nextUnitInterval()
    return DemoPlan(
      subject: subject, site: site, group: group, patient: patient, enrolled: today,
      infusion: today.adding(days: autologous ? 21 : 7), failsManufacturing: fails,
      crs: u < 0.35 ? .none : u < 0.75 ? .fever : .grade2,
      toxicity: dlt ? (rng.next() % 5 < 3 ? .crsGrade4 : .icansGrade4) : nil,
      toxicityDay: 3 + Int(rng.next() % 6),
      response: !responds ? .noResponse : depth < 0.55 ? .mrdNegativeCR : depth < 0.8 ? .cr : .cri,
      peak: 2_000 * Double(1 + index) * (0.5 + 1.5 * rng.nextUnitInterval()),
      leavesStudy: !fails && infusionsPlanned == 2)
  }

  /// The days after infusion CRS and ICANS are graded: the protocol's schedule within the DLT
  /// window, else daily to day 14 and weekly to the window's end.
  func observationDays(group: String) -> [Int] {
    let window = state.dltWindowDays(group: group)
    let scheduled =
      trial.schedule.first { $0.name.lowercased().contains("crs") }?.days
      ?? Array(0...14) + [21, 28]
    return Array(Set(scheduled.filter { (0...window).contains($0) } + [window])).sorted()
  }

  mutating func schedule(_ plan: DemoPlan) {
    plans[plan.subject] = plan
    let id = plan.subject
    if autologous {
      add(plan.enrolled.adding(days: 2), id, .leukapheresis)
      add(plan.enrolled.adding(days: 16), id, plan.failsManufacturing ? .failManufacturing : .release)
      if plan.failsManufacturing {
        let cohort = state.subjects[id]?.enrolment?.cohort ?? 0
        add(plan.enrolled.adding(days: 17), id, .replace(group: plan.group, cohort: cohort))
        return
      }
    }
    add(plan.infusion.adding(days: lymphodepletionStart), id, .lymphodeplete)
    add(plan.infusion, id, .infuse)
    let window = state.dltWindowDays(group: plan.group)
    var steps: [(Int, Int, Step)] = observationDays(group: plan.group).map { ($0, 0, .observe($0)) }
    steps += [0, 7, 14, 21, 28].filter { $0 <= window }.map { ($0, 1, .lab($0)) }
    steps += [1, 4, 7, 14, 28].map { ($0, 2, .sample($0)) }
    steps += [(window, 3, .adjudicate), (28, 4, .assessDisease(28))]
    if plan.leavesStudy { steps.append((max(35, window + 1), 5, .offStudy)) }
    for (day, _, step) in steps.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      add(plan.infusion.adding(days: day), id, step)
    }
  }

  mutating func add(_ date: CalendarDate, _ subject: String, _ step: Step) {
    order += 1
    agenda.append(Item(date: date, order: order, subject: subject, step: step))
  }

  /// Lymphodepletion starts this many days from infusion (the protocol's first day, else day −5).
  var lymphodepletionStart: Int { trial.lymphodepletion?.agents.flatMap(\.days).min() ?? -5 }

  /// The protocol's regimen, else fludarabine 30 mg/m²/day and cyclophosphamide 500 mg/m²/day on
  /// days −5 to −3 (the ZUMA-1 regimen: Neelapu et al., N Engl J Med 2017;377:2531–2544).
  var lymphodepletionAgents: [LymphodepletionGiven.Agent] {
    guard let regimen = trial.lymphodepletion, !regimen.agents.isEmpty else {
      return [
        .init(agent: "fludarabine", mgPerM2PerDay: 30, days: 3),
        .init(agent: "cyclophosphamide", mgPerM2PerDay: 500, days: 3),
      ]
    }
    return regimen.agents.map {
      .init(agent: $0.drug, mgPerM2PerDay: $0.dailyDose.value, days: max(1, $0.days.count))
    }
  }
}
