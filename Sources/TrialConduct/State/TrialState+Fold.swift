import Assessment
import Inputs
import ProtocolFiles
import TrialModel
import Trials

extension TrialState {
  /// The state of a trial from its whole log, oldest event first.
  ///
  /// A correction's payload is read in place of the event it corrects (the original stays in the
  /// log); everything else is applied in order.
  public static func fold(_ log: [RecordedEvent]) throws(ConductError) -> TrialState {
    guard let first = log.first else {
      throw ConductError.inconsistent(
        sequence: 1, message: "the log is empty: a trial starts with trialOpened")
    }
    guard case .trialOpened(let opened) = first.event.body, first.sequence == 1 else {
      throw ConductError.inconsistent(
        sequence: first.sequence,
        message: "a trial's first event is trialOpened, found \(first.event.kind.rawValue)")
    }
    var replacement: [Int: EventBody] = [:]
    for e in log {
      if case .correction(let c) = e.event.body { replacement[c.sequence] = c.replacement }
    }
    var state = try TrialState(opened: opened)
    state.kinds.append(.trialOpened)
    state.eventSubjects.append(nil)
    for e in log.dropFirst() {
      var event = e.event
      if let body = replacement[e.sequence] { event.body = body }
      try state.apply(RecordedEvent(sequence: e.sequence, event: event))
    }
    return state
  }

  init(opened: TrialOpened) throws(ConductError) {
    trial = opened.trial
    protocolText = opened.protocolText
    protocolHash = opened.protocolHash
    protocolInForce = try Self.load(opened.protocolText, sequence: 1)
    try adopt(protocolInForce, sequence: 1)
  }

  static func load(_ text: String, sequence: Int) throws(ConductError) -> TrialProtocol {
    do { return try ProtocolLoader.load(yaml: text, file: "protocol") } catch {
      throw ConductError.inconsistent(sequence: sequence, message: "its protocol does not load: \(error)")
    }
  }

  /// Puts `trial` in force: its groups (keeping the progress of groups already running) and designs.
  mutating func adopt(_ trial: TrialProtocol, sequence: Int) throws(ConductError) {
    protocolInForce = trial
    var groups: [GroupState] = []
    for g in trial.groups {
      do {
        designs[g.id] = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: g.id)
      } catch {
        throw ConductError.inconsistent(sequence: sequence, message: "group \(g.id)'s design: \(error)")
      }
      groups.append(
        group(g.id)
          ?? GroupState(
            id: g.id, label: g.label, opening: .open, currentLevel: g.startingLevel.value, cohorts: [],
            eliminated: [], recommendation: nil, decisions: []))
    }
    self.groups = groups
    refreshOpenings()
  }

  /// Applies one event (corrections already substituted).
  mutating func apply(_ recorded: RecordedEvent) throws(ConductError) {
    let seq = recorded.sequence
    guard seq == head + 1 else {
      throw ConductError.inconsistent(sequence: seq, message: "expected sequence \(head + 1)")
    }
    kinds.append(recorded.event.kind)
    eventSubjects.append(recorded.event.body.subject)
    if let key = recorded.event.idempotencyKey { requests[TrialEvent.requestKey(of: key)] = seq }
    func fail(_ message: String) -> ConductError { .inconsistent(sequence: seq, message: message) }
    func subject(_ id: String) throws(ConductError) -> SubjectState {
      guard let s = subjects[id] else { throw fail("subject \(id) was never screened") }
      return s
    }
    switch recorded.event.body {
    case .trialOpened: throw fail("the trial is already open")
    case .protocolAmended(let e):
      protocolText = e.protocolText
      protocolHash = e.protocolHash
      try adopt(try Self.load(e.protocolText, sequence: seq), sequence: seq)
    case .siteActivated(let e): sites[e.site] = e.name
    case .subjectScreened(let e):
      var s = subjects[e.subject] ?? SubjectState(id: e.subject)
      if subjects[e.subject] == nil { subjectOrder.append(e.subject) }
      s.screening = e
      s.site = e.site
      s.attestations = [:]
      subjects[e.subject] = s
    case .criteriaAttested(let e):
      var s = try subject(e.subject)
      for c in e.criteria { s.attestations[c] = e.satisfied }
      subjects[e.subject] = s
    case .consentSigned(let e):
      var s = try subject(e.subject)
      s.consentDate = e.date
      subjects[e.subject] = s
    case .enrolled(let e):
      var s = try subject(e.subject)
      s.enrolment = e
      subjects[e.subject] = s
      try enrol(e, sequence: seq)
    case .leukapheresis(let e): try update(e.subject, seq) { $0.leukapheresis = e }
    case .manufacturingReleased(let e): try update(e.subject, seq) { $0.productReleased = e }
    case .manufacturingFailed(let e):
      try update(e.subject, seq) { $0.productFailed = e }
      replaceIfAllowed(e.subject)
    case .concomitantTreatment(let e): try update(e.subject, seq) { $0.treatments.append(e) }
    case .lymphodepletionGiven(let e): try update(e.subject, seq) { $0.lymphodepletion = e }
    case .infused(let e): try update(e.subject, seq) { $0.infusion = e }
    case .assessmentRecorded(let e):
      let entry = try Self.read(e.submitted, sequence: seq)
      try update(e.subject, seq) { $0.assessments.append(RecordedAssessment(sequence: seq, entry: entry)) }
    case .diseaseAssessed(let e):
      let a = try Self.read(DiseaseAssessment.self, e.assessment, sequence: seq)
      try update(e.subject, seq) { $0.diseaseAssessments.append(a) }
    case .kineticsSampled(let e): try update(e.subject, seq) { $0.kinetics.append(e) }
    case .dltAdjudicated(let e):
      try update(e.subject, seq) { $0.adjudication = e }
      if e.outcome == .notEvaluable { replaceIfAllowed(e.subject) }
    case .offStudy(let e):
      try update(e.subject, seq) { $0.offStudy = e }
      if subjects[e.subject]?.infusion == nil { replaceIfAllowed(e.subject) }
    case .recommendationMade(let e):
      try updateGroup(e.group, seq) { g in
        g.recommendation = e
        g.eliminated = Array(Set(g.eliminated).union(e.eliminated)).sorted()
      }
    case .recommendationConfirmed(let e):
      try decide(group: e.group, cohort: e.cohort, level: nil, reason: nil, recorded: recorded)
    case .recommendationOverridden(let e):
      try decide(group: e.group, cohort: e.cohort, level: e.level, reason: e.reason, recorded: recorded)
    case .correction(let e): corrections[e.sequence, default: []].append(e)
    case .signature(let e):
      signatures[e.sequence, default: []].append(
        SignatureRecord(e, signedAt: recorded.event.recordedAt, sequence: seq))
    }
    refreshCohorts()
    refreshOpenings()
  }

  static func read<T: JSONReadable & Sendable>(_: T.Type, _ text: String, sequence: Int) throws(ConductError)
    -> T
  {
    try read(SubmittedJSON<T>(text), sequence: sequence)
  }

  /// The value an event's entry was read as when the event was made or decoded.
  static func read<T>(_ json: SubmittedJSON<T>, sequence: Int) throws(ConductError) -> T {
    switch json.value {
    case .success(let value): return value
    case .failure(let error):
      throw ConductError.inconsistent(sequence: sequence, message: "its entry does not read: \(error)")
    }
  }

  private mutating func update(_ id: String, _ seq: Int, _ change: (inout SubjectState) -> Void)
    throws(ConductError)
  {
    guard subjects.index(forKey: id) != nil else {
      throw ConductError.inconsistent(sequence: seq, message: "subject \(id) was never screened")
    }
    // In place: a copy taken out and put back would copy the subject's assessments at every event.
    change(&subjects[id]!)
  }

  private mutating func updateGroup(_ id: String, _ seq: Int, _ change: (inout GroupState) -> Void)
    throws(ConductError)
  {
    guard let i = groups.firstIndex(where: { $0.id == id }) else {
      throw ConductError.inconsistent(sequence: seq, message: "no group \(id) in the protocol in force")
    }
    change(&groups[i])
  }

  private mutating func enrol(_ e: Enrolled, sequence: Int) throws(ConductError) {
    let size = definition(ofGroup: e.group)?.design.cohortSize.value ?? 3
    try updateGroup(e.group, sequence) { g in
      if let last = g.cohorts.indices.last, g.cohorts[last].number == e.cohort {
        g.cohorts[last].members.append(e.subject)
      } else {
        g.cohorts.append(
          Cohort(
            number: e.cohort, level: e.level, size: size, members: [e.subject], replaced: [],
            status: .enrolling))
      }
    }
  }

  /// Frees the cohort slot of a subject who cannot be evaluated, when the protocol replaces them.
  private mutating func replaceIfAllowed(_ id: String) {
    guard protocolInForce.conduct.replaceNotEvaluable, let e = subjects[id]?.enrolment,
      let g = groups.firstIndex(where: { $0.id == e.group }),
      let c = groups[g].cohorts.firstIndex(where: { $0.number == e.cohort }),
      groups[g].cohorts[c].status != .decided, groups[g].cohorts[c].members.contains(id)
    else { return }
    groups[g].cohorts[c].members.removeAll { $0 == id }
    groups[g].cohorts[c].replaced.append(id)
    subjects[id]?.replaced = true
  }

  private mutating func decide(
    group: String, cohort: Int, level: Int?, reason: String?, recorded: RecordedEvent
  ) throws(ConductError) {
    let sequence = recorded.sequence
    guard let g = self.group(group), let recommendation = g.pendingRecommendation,
      recommendation.cohort == cohort
    else {
      throw ConductError.inconsistent(
        sequence: sequence, message: "no recommendation awaits a decision for group \(group) cohort \(cohort)"
      )
    }
    let next = level ?? recommendation.nextLevel
    try updateGroup(group, sequence) { g in
      g.decisions.append(
        GroupState.Decision(
          cohort: cohort, level: next, overrideReason: reason, recommendation: recommendation,
          sequence: sequence, decidedBy: recorded.event.actor.name, decidedAt: recorded.event.recordedAt))
      if let next {
        g.currentLevel = next
      } else {
        g.stopReason = recommendation.stopReason ?? "the design stopped the group"
      }
    }
  }
}
