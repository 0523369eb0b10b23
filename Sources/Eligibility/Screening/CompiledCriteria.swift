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
  /// Whether this is the registry's age range (`AGE`), added to the protocol's own criteria.
  public var isRegistryAgeRange = false

  /// Whether the criterion is decided by an expression.
  public var isComputable: Bool { node != nil }
}

/// A protocol's criteria, parsed and type-checked: the unit of screening.
public struct CompiledCriteria: Sendable, Hashable {
  public var protocolID: String
  public var criteria: [CompiledCriterion]
  public var settings: EligibilitySettings

  /// How many of the protocol's own criteria are computable, and how many there are (the
  /// registry age range `AGE` is not counted).
  public var computableCount: (computable: Int, total: Int) {
    let own = criteria.filter { !$0.isRegistryAgeRange }
    return (own.filter(\.isComputable).count, own.count)
  }

  /// Whether any expression uses the Lansky age limit setting (an [R] default).
  var usesLanskyAgeLimit: Bool

  init(protocolID: String, criteria: [CompiledCriterion], settings: EligibilitySettings) {
    self.protocolID = protocolID
    self.criteria = criteria
    self.settings = settings
    usesLanskyAgeLimit = criteria.contains { $0.expression?.contains("lanskyAgeLimit") ?? false }
  }

  /// The status only, without evidence: the allocation-light path for batch screening.
  public func status(of record: PatientRecord) -> ScreeningStatus {
    guard let screening = record.screeningDate else { return .incomplete }
    let evaluator = Evaluator(record: record, screening: screening, settings: settings)
    var result = ScreeningStatus.eligible
    for index in criteria.indices {
      var sink = NoEvidence()
      let verdict = self.verdict(index, evaluator, &sink)
      switch verdict {
      case .notMet: return .ineligible
      case .missing: result = .incomplete
      case .attestation: if result == .eligible { result = .pendingAttestation }
      case .met: break
      }
    }
    return result
  }

  /// Every criterion's verdict, without evidence, in criterion order.
  public func verdicts(of record: PatientRecord) -> [Verdict] {
    let evaluator = Evaluator(
      record: record, screening: record.screeningDate ?? CivilDate(dayNumber: 0), settings: settings)
    return criteria.indices.map { index in
      var sink = NoEvidence()
      return verdict(index, evaluator, &sink)
    }
  }

  /// The full report: every criterion with its verdict, evidence and missing fields.
  public func screen(_ record: PatientRecord) -> ScreeningReport {
    let screening = record.screeningDate ?? CivilDate(dayNumber: 0)
    let evaluator = Evaluator(record: record, screening: screening, settings: settings)
    var results: [CriterionResult] = []
    results.reserveCapacity(criteria.count)
    for index in criteria.indices {
      var sink = EvidenceRecorder()
      let verdict = self.verdict(index, evaluator, &sink)
      results.append(
        CriterionResult(
          id: criteria[index].id, verdict: verdict, evidence: evidence(index, verdict, sink),
          missing: verdict == .missing ? sink.missingPaths : []))
    }
    return ScreeningReport(
      protocolID: protocolID, status: ScreeningStatus(verdicts: results.map(\.verdict)), criteria: results,
      assumptions: usesLanskyAgeLimit ? settings.assumptions : [:])
  }

  private func verdict<S: EvidenceSink>(_ index: Int, _ evaluator: Evaluator, _ sink: inout S) -> Verdict {
    let c = criteria[index]
    for a in evaluator.record.attestations where a.protocolID == protocolID && a.criterionID == c.id {
      sink.attested = true
      sink.note(
        "attested \(a.met ? "met" : "not met")" + (a.by.map { " by \($0)" } ?? "")
          + (a.date.map { " on \($0)" } ?? ""))
      return a.met ? .met : .notMet
    }
    guard let node = c.node else { return .attestation }
    let truth = evaluator.evaluate(node, &sink)
    let passes = c.kind == .inclusion ? truth : !truth
    switch passes {
    case .no: return .notMet
    case .unknown: return .missing
    case .yes: return c.needsAttestation ? .attestation : .met
    }
  }

  private func evidence(_ index: Int, _ verdict: Verdict, _ sink: EvidenceRecorder) -> String {
    let c = criteria[index]
    let notes = sink.notes.joined(separator: "; ")
    switch verdict {
    case .attestation where c.node == nil: return "needs the investigator's attestation"
    case .attestation: return "\(notes); also needs the investigator's attestation"
    case .missing:
      return (notes.isEmpty ? "" : notes + "; ") + "undecided: missing "
        + sink.missingPaths.joined(separator: ", ")
    case .met, .notMet:
      if c.kind == .exclusion, c.node != nil, !sink.attested {
        return (verdict == .met ? "excluding condition absent: " : "excluding condition present: ") + notes
      }
      return notes
    }
  }
}
