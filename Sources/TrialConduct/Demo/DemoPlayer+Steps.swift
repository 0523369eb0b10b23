import Eligibility
import Simulation
import TrialModel

// Each dated step of a subject's course recorded: product, lymphodepletion, infusion, CRS/ICANS,
// labs, kinetics, disease assessment, off study.
extension DemoPlayer {
  mutating func perform(_ item: Item) async throws {
    if case .replace(let group, let cohort) = item.step {
      if openSlot(group: group, cohort: cohort) == cohort { _ = try await enrolOne(group: group) }
      return
    }
    guard let plan = plans[item.subject] else { return }
    let id = plan.subject
    let coordinator = DemoCast.coordinator(plan.site)
    let day = today.days(since: plan.infusion)
    switch item.step {
    case .leukapheresis:
      try await send(
        .leukapheresis(subject: id, date: today, detail: "apheresis, 1 blood volume"), by: coordinator)
    case .release:
      try await send(
        .releaseProduct(subject: id, date: today, detail: "lot \(id)-L1 released: viability 91 %, CAR+ 38 %"),
        by: coordinator)
    case .failManufacturing:
      try await send(
        .failProduct(
          subject: id, date: today, detail: "release testing failed: viability 58 % (< 70 %); no product"),
        by: coordinator)
    case .lymphodeplete:
      let bsa = ClinicalFormulas.bsaMosteller(
        heightCm: plan.patient.heightCm, weightKg: plan.patient.weightKg)
      try await send(
        .lymphodeplete(
          LymphodepletionGiven(
            subject: id, date: today, agents: lymphodepletionAgents,
            bodySurfaceAreaM2: (bsa * 100).rounded() / 100)),
        by: coordinator)
    case .infuse:
      try await send(.infuse(subject: id, date: today, weightKg: plan.patient.weightKg), by: coordinator)
    case .observe(let d): try await observe(plan, day: d)
    case .lab(let d): try await labs(plan, day: d)
    case .sample(let d): try await sample(plan, day: d)
    case .adjudicate:
      if state.subjects[id]?.adjudication == nil { try await adjudicate(plan) }
    case .assessDisease(let d):
      try await send(
        .assessDisease(
          subject: id, assessment: DemoClinical.marrow(day: d, response: plan.response),
          file: "\(id)-marrow.json"),
        by: coordinator)
    case .offStudy:
      let remission = plan.response != .noResponse
      try await send(
        .offStudy(
          subject: id, date: today, reason: remission ? .hsct : .other,
          detail: remission
            ? "consolidative allogeneic HSCT on day \(day)" : "no remission at day 28; alternative therapy"),
        by: coordinator)
    case .replace: break
    }
  }

  mutating func observe(_ plan: DemoPlan, day: Int) async throws {
    let id = plan.subject
    let coordinator = DemoCast.coordinator(plan.site)
    let normal = 36.6 + 0.8 * rng.nextUnitInterval()
    var crs = DemoClinical.crs(day: day, temperature: normal)
    var ice = 10
    var consciousness = "alert"
    var treatment: ConcomitantTreatment?
    let sinceToxicity = plan.toxicity == nil ? -1 : day - plan.toxicityDay
    switch (plan.toxicity, sinceToxicity) {
    case (.crsGrade4?, 0):
      crs = DemoClinical.crs(day: day, temperature: 40.1, hypotension: true, vasopressors: 2, oxygen: "bipap")
      treatment = ConcomitantTreatment(
        subject: id, date: today, agent: "tocilizumab", dose: "8 mg/kg", purpose: .crs)
    case (.crsGrade4?, 1...2):
      crs = DemoClinical.crs(
        day: day, temperature: 38.6, hypotension: true, vasopressors: 1, oxygen: "nasalCannula", flow: 4)
    case (.icansGrade4?, 0):
      (ice, consciousness) = (-1, "unarousable")
      treatment = ConcomitantTreatment(
        subject: id, date: today, agent: "dexamethasone", dose: "10 mg every 6 h", purpose: .icans)
    case (.icansGrade4?, 1...2): (ice, consciousness) = (5, "awakensToVoice")
    default:
      switch (plan.crs, day) {
      case (.fever, 1...3), (.grade2, 1), (.grade2, 3):
        crs = DemoClinical.crs(day: day, temperature: 38.2 + 1.0 * rng.nextUnitInterval())
      case (.grade2, 2):
        crs = DemoClinical.crs(day: day, temperature: 39.3, hypotension: true, vasopressors: 0)
        treatment = ConcomitantTreatment(
          subject: id, date: today, agent: "tocilizumab", dose: "8 mg/kg", purpose: .crs)
      default: break
      }
    }
    let sequence = try await send(.record(subject: id, entry: crs, file: "\(id)-crs.json"), by: coordinator)
    if !corrected, plan.toxicity == nil, plan.crs == .fever, day == 2 {
      // A transcription error found at source-data verification: the chart says 39.4 °C.
      corrected = true
      try await send(
        .correct(
          sequence: sequence, reason: "transcription error: the nursing chart reads 39.4 °C",
          command: .record(
            subject: id, entry: DemoClinical.crs(day: day, temperature: 39.4), file: "\(id)-crs.json")),
        by: coordinator)
    }
    let icans = DemoClinical.icans(
      day: day, ageYears: plan.patient.age, ice: ice < 0 ? nil : ice, consciousness: consciousness)
    try await send(.record(subject: id, entry: icans, file: "\(id)-icans.json"), by: coordinator)
    if let treatment { try await send(.treat(treatment), by: coordinator) }
    if sinceToxicity == 0 { try await adjudicate(plan) }
  }

  /// Neutrophils and platelets: the nadir of lymphodepletion in the first week, recovery by day 28.
  mutating func labs(_ plan: DemoPlan, day: Int) async throws {
    let course: [Int: (Double, Double)] = [
      0: (0.4, 70), 7: (0.2, 35), 14: (0.9, 55), 21: (1.3, 85), 28: (1.7, 115),
    ]
    guard let (anc, platelets) = course[day] else { return }
    let jitter = 0.85 + 0.3 * rng.nextUnitInterval()
    let coordinator = DemoCast.coordinator(plan.site)
    for (term, value, lln) in [("neutrophils", anc * jitter, 1.8), ("platelets", platelets * jitter, 150)] {
      try await send(
        .record(
          subject: plan.subject, entry: DemoClinical.lab(day: day, term: term, value: value, lln: lln),
          file: "\(plan.subject)-lab.json"),
        by: coordinator)
    }
  }

  /// CAR transgene by qPCR: expansion to a peak on day 7, then contraction; the first day-1 sample
  /// of the trial is below the assay's lower limit of quantification.
  mutating func sample(_ plan: DemoPlan, day: Int) async throws {
    let shape: [Int: Double] = [1: 0.03, 4: 0.35, 7: 1, 14: 0.45, 28: 0.07]
    let lowest = !belowLLOQ && day == 1
    if lowest { belowLLOQ = true }
    let value =
      lowest ? nil : ((plan.peak * (shape[day] ?? 0.05) * (0.8 + 0.4 * rng.nextUnitInterval())).rounded())
    try await send(
      .sample(
        KineticsSampled(
          subject: plan.subject, day: Double(day), value: value, unit: "copies/µg gDNA", belowLLOQ: lowest)),
      by: DemoCast.coordinator(plan.site))
  }
}
