import Simulation
import TrialModel

// Screening candidates (some flawed on purpose), attestation, consent and enrolment.
extension DemoPlayer {
  /// Screens candidates for `group` today until one is enrolled (at most five); answers them.
  mutating func enrolOne(group id: String) async throws -> String? {
    for attempt in 0..<5 {
      if attempt > 0 { advance(to: today.adding(days: 1)) }
      if let subject = try await screenCandidate(group: id) { return subject }
    }
    return nil
  }

  mutating func screenCandidate(group id: String) async throws -> String? {
    guard let group = trial.groups.first(where: { $0.id == id }) else { return nil }
    candidates += 1
    let site = DemoCast.sites[(candidates - 1) % DemoCast.sites.count]
    let subject = "\(site)-\(String(1000 + candidates).dropFirst())"
    let flaw = drawFlaw()
    let patient = drawPatient(subject, group: group, flaw: flaw)
    let requiresCarTFailure = trial.criteria.inclusion.contains {
      $0.expression?.contains("autologousCarTFailure") ?? false
    }
    let text = patient.record(screening: today, autologousCarTFailure: requiresCarTFailure)
    let coordinator = DemoCast.coordinator(site)
    try await send(
      .screen(subject: subject, site: site, group: id, patientRecord: text, file: "\(subject).json"),
      by: coordinator)
    guard let screened = state.subjects[subject], flaw == nil else { return nil }
    if screened.eligibility == .pendingAttestation {
      try await send(
        .attest(
          subject: subject, criteria: screened.pendingAttestations, satisfied: true,
          note: "history, imaging and prior therapy reviewed with the patient"),
        by: DemoCast.investigator(site))
    }
    guard state.subjects[subject]?.eligibility == .eligible, openSlot(group: id, cohort: nil) != nil else {
      return nil
    }
    try await send(.consent(subject: subject, date: patient.consentDate(screening: today)), by: coordinator)
    try await send(.enroll(subject: subject, group: id), by: coordinator)
    enrolments += 1
    schedule(plan(subject, site: site, group: id, patient: patient))
    return subject
  }

  /// The second and fifth candidates are flawed; after them one in seven.
  mutating func drawFlaw() -> DemoPatient.Flaw? {
    let u = rng.nextUnitInterval()
    let renal = (trial.criteria.inclusion + trial.criteria.exclusion).contains { c in
      ["creatinine", "crcl"].contains { c.expression?.contains($0) ?? false }
    }
    switch candidates {
    case 2: return .age
    case 5: return renal ? .creatinine : .infection
    default:
      guard u < 1.0 / 7 else { return nil }
      return [.age, renal ? .creatinine : .infection, .infection][Int(rng.next() % 3)]
    }
  }

  mutating func drawPatient(_ id: String, group: PopulationGroup, flaw: DemoPatient.Flaw?) -> DemoPatient {
    let low = max(12, Int((group.ages.minimum ?? trial.ages.minimum ?? 12).rounded(.up)))
    let high = Int((group.ages.maximum ?? trial.ages.maximum ?? 70).rounded(.down))
    let range = (low + 1) <= (high - 2) ? (low + 1)...(high - 2) : low...low
    var years = range.lowerBound + Int(rng.next() % UInt64(range.count))
    if flaw == .age { years = high + 3 }
    let adult = years >= 18
    let weight = adult ? 50 + 45 * rng.nextUnitInterval() : 38 + 27 * rng.nextUnitInterval()
    let height = adult ? 155 + 35 * rng.nextUnitInterval() : 145 + 33 * rng.nextUnitInterval()
    return DemoPatient(
      id: id, sex: rng.next() % 2 == 0 ? "male" : "female", ageYears: years,
      extraDays: 30 + Int(rng.next() % 270), weightKg: (weight * 10).rounded() / 10,
      heightCm: height.rounded(),
      flaw: flaw)
  }
}
