import Assessment
import Eligibility
import Foundation
import Inputs
import ProtocolFiles
import TrialModel
import Trials

extension TrialState {
  /// The event `command` records, checked against this state: who may give it, and every conduct
  /// rule of the protocol. A refusal is an ``InputError`` (`.conflict` for a rule, `.forbidden` for
  /// a role or site, `.notFound` for an unknown subject or group) and nothing is recorded.
  ///
  /// - Parameter today: the date the command is given on (clinical dates may not be later).
  public func event(for command: ConductCommand, by actor: Actor, on today: CalendarDate) throws(InputError)
    -> EventBody
  {
    try command.authorise(actor)
    return try body(for: command, by: actor, on: today, replacing: nil)
  }

  private func body(
    for command: ConductCommand, by actor: Actor, on today: CalendarDate, replacing: Int?
  ) throws(InputError) -> EventBody {
    switch command {
    case .amendProtocol(let text, let hash, let reason):
      try Rule.reason(reason)
      guard hash != protocolHash else {
        throw Rule.refuse(
          "protocol", "a protocol text different from the one in force", "the same text (\(hash.prefix(12))…)"
        )
      }
      let amended = try Self.checked(text)
      for g in groups where amended.groups.first(where: { $0.id == g.id }) == nil && !g.cohorts.isEmpty {
        throw Rule.refuse(
          "protocol", "every group that has enrolled subjects still defined", "group \(g.id) removed")
      }
      return .protocolAmended(ProtocolAmended(protocolText: text, protocolHash: hash, reason: reason))
    case .activateSite(let site, let name):
      guard sites[site] == nil else {
        throw Rule.refuse("site", "a site not yet active", "\(site) is already active")
      }
      return .siteActivated(SiteActivated(site: site, name: name))
    case .screen(let id, let site, let groupID, let text, let file):
      return .subjectScreened(
        try screening(
          subject: id, site: site ?? actor.site, group: groupID, text: text, file: file, actor: actor))
    case .attest(let id, let criteria, let satisfied, let note):
      let s = try subject(id, actor: actor)
      guard s.enrolment == nil else {
        throw Rule.refuse("subject", "a subject not yet enrolled", "\(id) is enrolled")
      }
      let awaiting = s.screening?.report.pendingAttestations ?? []
      guard !criteria.isEmpty else {
        throw InputError.missing("criterion", expected: "a criterion to attest")
      }
      for c in criteria where !awaiting.contains(c) {
        throw InputError(
          .conflict, field: "criterion",
          expected: "a criterion awaiting attestation for \(id): "
            + (awaiting.isEmpty ? "none awaits one" : awaiting.joined(separator: ", ")),
          found: c)
      }
      return .criteriaAttested(
        CriteriaAttested(subject: id, criteria: criteria, satisfied: satisfied, note: note))
    case .consent(let id, let date):
      let s = try subject(id, actor: actor)
      try Rule.notFuture(date, today, "date")
      if replacing == nil, let signed = s.consentDate {
        throw Rule.refuse(
          "subject", "a subject without consent on record",
          "\(id) consented on \(signed) (correct that event instead)")
      }
      if let infusion = s.infusion, date > infusion.date {
        throw Rule.refuse("date", "a consent on or before the infusion (\(infusion.date))", "\(date)")
      }
      return .consentSigned(ConsentSigned(subject: id, date: date))
    case .enroll(let id, let groupID):
      return .enrolled(try enrolment(subject: id, group: groupID, actor: actor))
    case .leukapheresis(let id, let date, let detail):
      let s = try enrolled(id, actor: actor, date: date, today: today)
      guard protocolInForce.product.source == .autologous else {
        throw Rule.refuse(
          "subject", "an autologous product (leukapheresis)",
          "a \(protocolInForce.product.source.rawValue) product")
      }
      if replacing == nil, s.leukapheresis != nil {
        throw Rule.refuse("subject", "no leukapheresis yet", "already recorded")
      }
      return .leukapheresis(ProductStep(subject: id, date: date, detail: detail))
    case .releaseProduct(let id, let date, let detail), .failProduct(let id, let date, let detail):
      let s = try enrolled(id, actor: actor, date: date, today: today)
      if protocolInForce.product.source == .autologous {
        guard let apheresis = s.leukapheresis else {
          throw Rule.refuse(
            "subject", "leukapheresis recorded before the product's release or failure", "none")
        }
        guard date >= apheresis.date else {
          throw Rule.refuse("date", "on or after leukapheresis (\(apheresis.date))", "\(date)")
        }
      }
      if replacing == nil, s.productReleased != nil || s.productFailed != nil {
        throw Rule.refuse("subject", "a product not yet released or failed", "already recorded")
      }
      if case .failProduct = command {
        try Rule.reason(detail ?? "")
        return .manufacturingFailed(ProductStep(subject: id, date: date, detail: detail))
      }
      return .manufacturingReleased(ProductStep(subject: id, date: date, detail: detail))
    case .treat(let t):
      _ = try enrolled(t.subject, actor: actor, date: t.date, today: today)
      return .concomitantTreatment(t)
    case .lymphodeplete(let l):
      let s = try enrolled(l.subject, actor: actor, date: l.date, today: today)
      if replacing == nil, s.lymphodepletion != nil {
        throw Rule.refuse("subject", "no lymphodepletion yet", "already recorded")
      }
      if let infusion = s.infusion, l.date > infusion.date {
        throw Rule.refuse("date", "lymphodepletion before the infusion (\(infusion.date))", "\(l.date)")
      }
      guard !l.agents.isEmpty else {
        throw InputError.missing("agents", expected: "the agents given, in mg/m²/day")
      }
      try Rule.range(l.bodySurfaceAreaM2, 0.1...3.5, "bodySurfaceAreaM2", "m²")
      for (i, a) in l.agents.enumerated() {
        try Rule.range(a.mgPerM2PerDay, 0.01...5000, "agents[\(i)].mgPerM2PerDay", "mg/m²/day")
        try Rule.range(Double(a.days), 1...14, "agents[\(i)].days", "days")
      }
      return .lymphodepletionGiven(l)
    case .infuse(let id, let date, let weight):
      return .infused(
        try infusion(
          subject: id, date: date, weightKg: weight, actor: actor, today: today, replacing: replacing))
    case .record(let id, let text, let file):
      let s = try enrolled(id, actor: actor, date: nil, today: today)
      let entry = try Self.parse(AssessmentEntry.self, text, file: file)
      try checkEntryDate(day: entry.day, date: entry.date, of: s, today: today)
      var record = subjectRecord(s, through: nil, withAssessments: false)
      record.assessments = [entry]
      _ = try record.gradedEvents(settings: protocolInForce.assessment)
      return .assessmentRecorded(AssessmentRecorded(subject: id, entry: text, read: entry))
    case .assessDisease(let id, let text, let file):
      let s = try enrolled(id, actor: actor, date: nil, today: today)
      let assessment = try Self.parse(DiseaseAssessment.self, text, file: file)
      try checkEntryDate(day: assessment.day, date: assessment.date, of: s, today: today)
      _ = try subjectRecord(s, through: nil, withAssessments: false).studyDay(
        day: assessment.day, date: assessment.date)
      return .diseaseAssessed(DiseaseAssessed(subject: id, assessment: text))
    case .sample(let k):
      let s = try enrolled(k.subject, actor: actor, date: nil, today: today)
      guard s.infusion != nil else {
        throw Rule.refuse("subject", "an infused subject", "\(k.subject) is not infused")
      }
      try Rule.range(k.day, -30...3650, "day", "days after infusion")
      try checkEntryDate(day: k.day, date: nil, of: s, today: today)
      if let v = k.value { try Rule.range(v, 0...1e12, "value", k.unit) }
      guard k.belowLLOQ == (k.value == nil) else {
        throw Rule.refuse("value", "a value, or belowLLOQ without one", k.belowLLOQ ? "both" : "neither")
      }
      return .kineticsSampled(k)
    case .adjudicate(let id, let outcome, let reason):
      return .dltAdjudicated(
        try adjudication(subject: id, outcome: outcome, reason: reason, actor: actor, today: today))
    case .confirm(let groupID):
      let g = try existingGroup(groupID)
      let r = try pending(g)
      return .recommendationConfirmed(RecommendationConfirmed(group: g.id, cohort: r.cohort))
    case .override(let groupID, let level, let reason):
      let g = try existingGroup(groupID)
      let r = try pending(g)
      try Rule.reason(reason)
      try checkOverride(level, group: g, recommendation: r)
      return .recommendationOverridden(
        RecommendationOverridden(group: g.id, cohort: r.cohort, level: level, reason: reason))
    case .offStudy(let id, let date, let reason, let detail):
      let s = try enrolled(id, actor: actor, date: date, today: today)
      if replacing == nil, let off = s.offStudy {
        throw Rule.refuse("subject", "a subject on study", "off study since \(off.date)")
      }
      if let infusion = s.infusion, date < infusion.date {
        throw Rule.refuse("date", "on or after the infusion (\(infusion.date))", "\(date)")
      }
      return .offStudy(OffStudy(subject: id, date: date, reason: reason, detail: detail))
    case .correct(let sequence, let reason, let inner):
      return .correction(try correction(sequence: sequence, reason: reason, inner, by: actor, on: today))
    case .sign(let sequence, let meaning):
      guard (1...max(1, head)).contains(sequence), sequence <= head else {
        throw InputError(
          .notFound, field: "seq", expected: "an event of this trial: 1 to \(head)", found: "\(sequence)")
      }
      return .signature(Signature(sequence: sequence, signer: actor.name, meaning: meaning))
    }
  }

  // MARK: - Rules per command

  private func screening(
    subject id: String, site: String?, group groupID: String?, text: String, file: String, actor: Actor
  ) throws(InputError) -> SubjectScreened {
    try Rule.identifier(id, "subject")
    if let existing = subjects[id] {
      guard existing.enrolment == nil else {
        throw Rule.refuse(
          "subject", "a subject not yet enrolled (screening is before enrolment)", "\(id) is enrolled")
      }
      try Rule.sameSite(existing.site, actor)
    }
    if let site {
      guard sites[site] != nil else {
        throw InputError(
          .notFound, field: "site",
          expected: "an active site: "
            + (sites.isEmpty
              ? "none is active (activate one first)" : sites.keys.sorted().joined(separator: ", ")),
          found: site)
      }
      try Rule.sameSite(site, actor)
    }
    var record = try PatientRecord(json: Data(text.utf8), file: file)
    // Attestations written into the record are not an investigator's judgement in this trial
    // (anyone who screens submits the record): the criteria await `attest` by an investigator.
    record.attestations = []
    let group = try screeningGroup(groupID, record: record)
    let criteria: CompiledCriteria
    do { criteria = try CriteriaCompiler.compile(protocolInForce, group: group) } catch {
      throw InputError(
        .invalidValue, field: "protocol", expected: "criteria that compile", found: error.description)
    }
    return SubjectScreened(
      subject: id, site: site, group: group?.id, patientRecord: text, protocolHash: protocolHash,
      report: criteria.screen(record))
  }

  /// The group a patient is screened for: the one named, or the one whose ages contain theirs.
  private func screeningGroup(_ id: String?, record: PatientRecord) throws(InputError) -> PopulationGroup? {
    if let id { return try protocolInForce.group(id) }
    guard protocolInForce.groups.count > 1 else { return protocolInForce.groups.first }
    guard let born = record.birthDate, let date = record.screeningDate else { return nil }
    let age = ClinicalFormulas.age(born: born, on: date).exact
    let fitting = protocolInForce.groups.filter { $0.ages.contains(ageInYears: age) }
    guard fitting.count <= 1 else {
      throw InputError.missing(
        "group", expected: "a group: the patient's age fits " + fitting.map(\.id).joined(separator: " and "))
    }
    return fitting.first
  }

  private func enrolment(subject id: String, group groupID: String?, actor: Actor) throws(InputError)
    -> Enrolled
  {
    let s = try subject(id, actor: actor)
    guard s.enrolment == nil else {
      throw Rule.refuse("subject", "a subject not yet enrolled", "\(id) is enrolled")
    }
    guard let screening = s.screening else {
      throw Rule.refuse("subject", "a screened subject", "no screening")
    }
    guard screening.protocolHash == protocolHash else {
      throw Rule.refuse(
        "subject", "a screening against the protocol in force (\(protocolHash.prefix(12))…)",
        "screened against \(screening.protocolHash.prefix(12))… (screen again)")
    }
    switch s.eligibility {
    case .eligible?: break
    case .pendingAttestation?:
      throw Rule.refuse(
        "subject", "an eligible subject",
        "\(id) awaits an investigator's attestation of " + s.pendingAttestations.joined(separator: ", "))
    case let status?:
      let failing = screening.report.criteria.filter {
        $0.verdict == .notMet || $0.verdict == .missing || s.attestations[$0.id] == false
      }
      throw Rule.refuse(
        "subject", "an eligible subject",
        "\(id) is \(status.rawValue): "
          + failing.map { "\($0.id) \($0.verdict.rawValue)" }.joined(separator: ", "))
    case nil: throw Rule.refuse("subject", "a screened subject", "no screening")
    }
    guard s.consentDate != nil else {
      throw Rule.refuse("subject", "signed consent before enrolment", "no consent recorded")
    }
    guard let named = groupID ?? screening.group ?? (groups.count == 1 ? groups.first?.id : nil) else {
      throw InputError.missing(
        "group", expected: "a group: one of " + groups.map(\.id).joined(separator: ", "))
    }
    let g = try existingGroup(named)
    if let screened = screening.group, screened != g.id {
      throw Rule.refuse("group", "the group \(id) was screened for (\(screened))", g.id)
    }
    switch g.opening {
    case .open: break
    case .waiting(let why): throw Rule.refuse("group", "an open group", "group \(g.id) is waiting: it \(why)")
    case .closed(let why): throw Rule.refuse("group", "an open group", "group \(g.id) is closed: \(why)")
    }
    if dueRecommendation(group: g.id) != nil || g.pendingRecommendation != nil {
      let cohort = g.cohorts.last?.number ?? 0
      throw Rule.refuse(
        "group", "a group whose cohort is not awaiting a dose decision",
        "cohort \(cohort) of group \(g.id) awaits the decision on its recommendation")
    }
    if let last = g.cohorts.last, last.status != .decided {
      guard last.freeSlots > 0 else {
        throw Rule.refuse(
          "group", "a cohort with a free slot",
          "cohort \(last.number) at level \(last.level) is full (\(last.members.count) of \(last.size))")
      }
      return Enrolled(subject: id, group: g.id, cohort: last.number, level: last.level)
    }
    guard !g.eliminated.contains(g.currentLevel) else {
      throw Rule.refuse(
        "group", "a level the design has not eliminated", "level \(g.currentLevel) is eliminated")
    }
    return Enrolled(
      subject: id, group: g.id, cohort: (g.cohorts.last?.number ?? 0) + 1, level: g.currentLevel)
  }

  private func infusion(
    subject id: String, date: CalendarDate, weightKg: Double, actor: Actor, today: CalendarDate,
    replacing: Int?
  ) throws(InputError) -> Infused {
    let s = try enrolled(id, actor: actor, date: date, today: today)
    if replacing == nil, let given = s.infusion {
      throw Rule.refuse("subject", "a subject not yet infused", "\(id) was infused on \(given.date)")
    }
    if let failed = s.productFailed {
      throw Rule.refuse("subject", "a released product", "manufacturing failed on \(failed.date)")
    }
    if let off = s.offStudy, off.date < date {
      throw Rule.refuse("subject", "a subject on study", "off study since \(off.date)")
    }
    if let ld = s.lymphodepletion, date < ld.date {
      throw Rule.refuse("date", "on or after lymphodepletion (\(ld.date))", "\(date)")
    }
    guard let e = s.enrolment, let group = definition(ofGroup: e.group) else {
      throw Rule.refuse("subject", "an enrolled subject", "not enrolled")
    }
    do {
      return Infused(
        subject: id, date: date, dose: try DoseCalculation(group: group, level: e.level, weightKg: weightKg))
    } catch {
      throw InputError(.invalidValue, field: error.field, expected: error.message, found: "\(weightKg) kg")
    }
  }

  private func adjudication(
    subject id: String, outcome: DLTAdjudicated.Outcome, reason: String?, actor: Actor, today: CalendarDate
  ) throws(InputError) -> DLTAdjudicated {
    let s = try enrolled(id, actor: actor, date: nil, today: today)
    guard let e = s.enrolment, let g = group(e.group) else {
      throw Rule.refuse("subject", "an enrolled subject", "not enrolled")
    }
    if let cohort = g.cohorts.first(where: { $0.number == e.cohort }),
      cohort.status == .decided || g.recommendation?.cohort == cohort.number, s.adjudication != nil
    {
      throw Rule.refuse(
        "subject", "a subject whose cohort has no recommendation yet",
        "cohort \(cohort.number)'s recommendation is recorded: its adjudications stand")
    }
    let window = dltWindowDays(group: e.group)
    let computed: DLTAdjudication
    do {
      computed = try subjectRecord(s, through: today).adjudicateDLT(
        settings: protocolInForce.assessment, designWindowDays: window)
    } catch { throw error.nested(under: "assessments") }
    switch outcome {
    case .dlt, .noDlt:
      guard let infusion = s.infusion else {
        throw Rule.refuse(
          "subject", "an infused subject (only they can be evaluated for DLT)", "\(id) is not infused")
      }
      if outcome == .noDlt, today < infusion.date.adding(days: window) {
        throw Rule.refuse(
          "outcome",
          "no DLT only once the DLT window has closed (day \(window), \(infusion.date.adding(days: window)))",
          "\(today) (day \(today.days(since: infusion.date)))")
      }
    case .notEvaluable:
      try Rule.reason(reason ?? "")
    }
    let computedOutcome = computed.verdict.rawValue
    if computedOutcome != outcome.rawValue, computed.verdict != .pending, (reason ?? "").isEmpty {
      throw Rule.refuse(
        "reason",
        "a reason when the adjudication (\(outcome.rawValue)) differs from the protocol's rules (\(computedOutcome): \(computed.reason))",
        "none")
    }
    return DLTAdjudicated(
      subject: id, outcome: outcome, computed: "\(computedOutcome): \(computed.reason)", reason: reason)
  }

  private func checkOverride(_ level: Int, group g: GroupState, recommendation r: RecommendationMade)
    throws(InputError)
  {
    guard let design = designs[g.id] else { return }
    let index = try design.index(ofLevel: level, field: "level")
    guard !g.eliminated.contains(level) else {
      throw Rule.refuse(
        "level",
        "a level the design has not eliminated (" + g.eliminated.map(String.init).joined(separator: ", ")
          + " are)", "\(level)")
    }
    let tried = g.cohorts.map { (try? design.index(ofLevel: $0.level, field: "level")) ?? 0 }.max() ?? 0
    guard index <= tried + 1 else {
      throw Rule.refuse(
        "level", "no untried level skipped (the highest tried is \(design.label(tried)))", "\(level)")
    }
    let cap = r.nextLevel ?? r.level
    let capIndex = (try? design.index(ofLevel: cap, field: "level")) ?? 0
    if !protocolInForce.conduct.overrideAboveRecommendation,
      index > capIndex || (r.nextLevel == nil && index >= capIndex)
    {
      throw Rule.refuse(
        "level",
        r.nextLevel == nil
          ? "a level below \(r.level) (the design stopped; an override may only go down)"
          : "a level at or below the recommendation (\(cap)); the protocol does not allow going above it",
        "\(level)")
    }
  }

  private func correction(
    sequence: Int, reason: String, _ inner: ConductCommand, by actor: Actor, on today: CalendarDate
  ) throws(InputError) -> Correction {
    try Rule.reason(reason)
    guard (1...max(1, head)).contains(sequence), sequence <= head else {
      throw InputError(
        .notFound, field: "seq", expected: "an event of this trial: 1 to \(head)", found: "\(sequence)")
    }
    let kind = kinds[sequence - 1]
    guard kind.isCorrectable else {
      throw Rule.refuse(
        "seq",
        "an event of recorded clinical data (enrolment, adjudication and decisions are never corrected)",
        "event \(sequence) is \(kind.rawValue)")
    }
    if case .correct = inner {
      throw Rule.refuse("entry", "the corrected event's data", "another correction")
    }
    let replacement = try body(for: inner, by: actor, on: today, replacing: sequence)
    guard replacement.kind == kind else {
      throw Rule.refuse(
        "entry", "a replacement of the same kind (\(kind.rawValue))", replacement.kind.rawValue)
    }
    if let original = eventSubjects[sequence - 1], replacement.subject != original {
      throw Rule.refuse(
        "entry", "a replacement about the same subject (\(original))", replacement.subject ?? "no subject")
    }
    return Correction(sequence: sequence, reason: reason, replacement: replacement)
  }
}
