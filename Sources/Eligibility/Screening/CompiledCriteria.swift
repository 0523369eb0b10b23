import TrialModel

/// One criterion ready to evaluate.
public struct CompiledCriterion: Sendable, Hashable {
  public var id: String
  public var kind: CriterionKind
  public var text: String
  /// The expression as written, if computable.
  public var expression: String?
  /// Whether the investigator must attest it (always true when there is no expression).
  public var needsAttestation: Bool
  var node: Node?
  /// `attestation: {when: …}` as written, and compiled: the attestation is needed only when it holds.
  public var attestationWhen: String?
  var attestationCondition: Node?
  /// Whether this is the registry's age range (`AGE`), added to the protocol's own criteria.
  public var isRegistryAgeRange = false
  /// The protocol file's note on how the expression reads the text, if any.
  public var note: String?

  /// Whether the criterion is decided by an expression.
  public var isComputable: Bool { node != nil }
}

/// A protocol's criteria, parsed and type-checked: the unit of screening.
public struct CompiledCriteria: Sendable, Hashable {
  public var protocolID: String
  public var criteria: [CompiledCriterion]
  public var settings: EligibilitySettings {
    didSet { reportAssumptions = usesLanskyAgeLimit ? settings.assumptions : [] }
  }

  /// How many of the protocol's own criteria are computable, and how many there are (the
  /// registry age range `AGE` is not counted).
  public var computableCount: (computable: Int, total: Int) {
    let own = criteria.filter { !$0.isRegistryAgeRange }
    return (own.filter(\.isComputable).count, own.count)
  }

  /// Whether any expression uses the Lansky age limit setting (an [R] default).
  var usesLanskyAgeLimit: Bool
  /// The assumptions every report of these criteria names (built once, not per report).
  private var reportAssumptions: [Assumption]

  /// Plain-data copies of what evaluation needs per criterion, so that the hot loop touches no
  /// strings: the first instruction of each criterion (−1 if none), its kind and attestation.
  private var program = Program()
  private var entries: [Int] = []
  private var exclusion: [Bool] = []
  private var attestationNeeded: [Bool] = []
  /// The first instruction of each criterion's attestation condition (−1 if none).
  private var conditions: [Int] = []

  init(protocolID: String, criteria: [CompiledCriterion], settings: EligibilitySettings) {
    self.protocolID = protocolID
    self.criteria = criteria
    self.settings = settings
    usesLanskyAgeLimit = criteria.contains { $0.expression?.contains("lanskyAgeLimit") ?? false }
    reportAssumptions = usesLanskyAgeLimit ? settings.assumptions : []
    for c in criteria {
      entries.append(c.node.map { program.append($0) } ?? -1)
      exclusion.append(c.kind == .exclusion)
      attestationNeeded.append(c.needsAttestation)
      conditions.append(c.attestationCondition.map { program.append($0) } ?? -1)
    }
  }

  /// Runs `body` with an evaluator for `record` over this protocol's instructions.
  private func withEvaluator<T>(_ record: PatientRecord, _ body: (Evaluator) -> T) -> T {
    program.code.withUnsafeBufferPointer { code in
      body(
        Evaluator(
          record: record, screening: record.screeningDate ?? CivilDate(dayNumber: 0), code: code,
          labels: program.labels))
    }
  }

  /// The status only, without evidence: the allocation-light path for batch screening.
  public func status(of record: PatientRecord) -> ScreeningStatus {
    guard record.screeningDate != nil else { return .incomplete }
    return withEvaluator(record) { evaluator in
      var result = ScreeningStatus.eligible
      for index in entries.indices {
        var sink = NoEvidence()
        switch verdict(index, evaluator, &sink) {
        case .notMet: return .ineligible
        case .missing: result = .incomplete
        case .attestation: if result == .eligible { result = .pendingAttestation }
        case .met: break
        }
      }
      return result
    }
  }

  /// Every criterion's verdict, without evidence, in criterion order.
  public func verdicts(of record: PatientRecord) -> [Verdict] {
    withEvaluator(record) { evaluator in
      entries.indices.map { index in
        var sink = NoEvidence()
        return verdict(index, evaluator, &sink)
      }
    }
  }

  /// The full report: every criterion with its verdict, evidence and missing fields.
  public func screen(_ record: PatientRecord) -> ScreeningReport {
    withEvaluator(record) { evaluator in
      var explaining = evaluator
      explaining.anchorDescriptions = Anchor.all.map { Evaluator.describeAnchor($0, record) }
      explaining.birthAge = evaluator.ageAtScreening()
      return report(record, explaining)
    }
  }

  private func report(_ record: PatientRecord, _ evaluator: Evaluator) -> ScreeningReport {
    var results: [CriterionResult] = []
    results.reserveCapacity(criteria.count)
    var sink = EvidenceRecorder()
    for index in criteria.indices {
      sink.reset()
      let verdict = self.verdict(index, evaluator, &sink)
      results.append(
        CriterionResult(
          id: criteria[index].id, verdict: verdict, evidence: evidence(index, verdict, &sink),
          missing: verdict == .missing ? sink.missingPaths : []))
    }
    return ScreeningReport(
      protocolID: protocolID, status: ScreeningStatus(verdicts: results.lazy.map(\.verdict)),
      criteria: results,
      assumptions: reportAssumptions)
  }

  private func verdict<S: EvidenceSink>(_ index: Int, _ evaluator: Evaluator, _ sink: inout S) -> Verdict {
    for a in evaluator.record.attestations
    where a.protocolID == protocolID && a.criterionID == criteria[index].id {
      sink.attested = true
      sink.note(
        "attested \(a.met ? "met" : "not met")\(" by ", ifRecorded: a.by)\(" on ", ifRecorded: a.date)")
      return a.met ? .met : .notMet
    }
    var needsAttestation = attestationNeeded[index]
    if conditions[index] >= 0 {
      // `attestation: {when: …}`: the investigator is asked only when the condition holds.
      switch evaluator.evaluate(conditions[index], &sink) {
      case .unknown: return .missing
      case .no: needsAttestation = false
      case .yes: break
      }
      sink.note(
        needsAttestation
          ? "the condition for the investigator's attestation holds"
          : "the condition for the investigator's attestation does not hold: not needed")
    }
    let entry = entries[index]
    guard entry >= 0 else { return needsAttestation ? .attestation : .met }
    let truth = evaluator.evaluate(entry, &sink)
    switch exclusion[index] ? !truth : truth {
    case .no: return .notMet
    case .unknown: return .missing
    case .yes: return needsAttestation ? .attestation : .met
    }
  }

  /// The evidence text of a verdict: the recorded notes, with the verdict's framing.
  private func evidence(_ index: Int, _ verdict: Verdict, _ sink: inout EvidenceRecorder) -> String {
    let computable = entries[index] >= 0
    switch verdict {
    case .attestation where !computable:
      guard conditions[index] >= 0 else { return "needs the investigator's attestation" }
      EvidenceText.append("; needs the investigator's attestation", to: &sink.notes)
    case .attestation: EvidenceText.append("; also needs the investigator's attestation", to: &sink.notes)
    case .missing:
      if !sink.notes.isEmpty { EvidenceText.append("; ", to: &sink.notes) }
      EvidenceText.append("undecided: missing ", to: &sink.notes)
      for (i, path) in sink.missingPaths.enumerated() {
        if i > 0 { EvidenceText.append(", ", to: &sink.notes) }
        EvidenceText.append(path, to: &sink.notes)
      }
    case .met, .notMet:
      if exclusion[index], computable, !sink.attested {
        let framing = verdict == .met ? "excluding condition absent: " : "excluding condition present: "
        sink.notes.insert(contentsOf: framing.utf8, at: 0)
      }
    }
    return String(decoding: sink.notes, as: UTF8.self)
  }
}
