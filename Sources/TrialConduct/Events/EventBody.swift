import TrialModel

/// What an event records. Adding an event type touches this file (a case, its kind, its coding)
/// and the fold (`TrialState+Fold.swift`).
public indirect enum EventBody: Sendable, Hashable {
  case trialOpened(TrialOpened)
  case protocolAmended(ProtocolAmended)
  case siteActivated(SiteActivated)
  case subjectScreened(SubjectScreened)
  case criteriaAttested(CriteriaAttested)
  case consentSigned(ConsentSigned)
  case enrolled(Enrolled)
  case leukapheresis(ProductStep)
  case manufacturingReleased(ProductStep)
  case manufacturingFailed(ProductStep)
  case concomitantTreatment(ConcomitantTreatment)
  case lymphodepletionGiven(LymphodepletionGiven)
  case infused(Infused)
  case assessmentRecorded(AssessmentRecorded)
  case diseaseAssessed(DiseaseAssessed)
  case kineticsSampled(KineticsSampled)
  case dltAdjudicated(DLTAdjudicated)
  case recommendationMade(RecommendationMade)
  case recommendationConfirmed(RecommendationConfirmed)
  case recommendationOverridden(RecommendationOverridden)
  case offStudy(OffStudy)
  case correction(Correction)
  case signature(Signature)

  public var kind: EventKind {
    switch self {
    case .trialOpened: .trialOpened
    case .protocolAmended: .protocolAmended
    case .siteActivated: .siteActivated
    case .subjectScreened: .subjectScreened
    case .criteriaAttested: .criteriaAttested
    case .consentSigned: .consentSigned
    case .enrolled: .enrolled
    case .leukapheresis: .leukapheresis
    case .manufacturingReleased: .manufacturingReleased
    case .manufacturingFailed: .manufacturingFailed
    case .concomitantTreatment: .concomitantTreatment
    case .lymphodepletionGiven: .lymphodepletionGiven
    case .infused: .infused
    case .assessmentRecorded: .assessmentRecorded
    case .diseaseAssessed: .diseaseAssessed
    case .kineticsSampled: .kineticsSampled
    case .dltAdjudicated: .dltAdjudicated
    case .recommendationMade: .recommendationMade
    case .recommendationConfirmed: .recommendationConfirmed
    case .recommendationOverridden: .recommendationOverridden
    case .offStudy: .offStudy
    case .correction: .correction
    case .signature: .signature
    }
  }

  /// The subject the event is about, if any.
  public var subject: String? {
    switch self {
    case .subjectScreened(let e): e.subject
    case .criteriaAttested(let e): e.subject
    case .consentSigned(let e): e.subject
    case .enrolled(let e): e.subject
    case .leukapheresis(let e), .manufacturingReleased(let e), .manufacturingFailed(let e): e.subject
    case .concomitantTreatment(let e): e.subject
    case .lymphodepletionGiven(let e): e.subject
    case .infused(let e): e.subject
    case .assessmentRecorded(let e): e.subject
    case .diseaseAssessed(let e): e.subject
    case .kineticsSampled(let e): e.subject
    case .dltAdjudicated(let e): e.subject
    case .offStudy(let e): e.subject
    case .correction(let e): e.replacement.subject
    case .trialOpened, .protocolAmended, .siteActivated, .recommendationMade, .recommendationConfirmed,
      .recommendationOverridden, .signature:
      nil
    }
  }

  /// The clinical date the event states, where its payload has one.
  public var clinicalDate: CalendarDate? {
    switch self {
    case .consentSigned(let e): e.date
    case .leukapheresis(let e), .manufacturingReleased(let e), .manufacturingFailed(let e): e.date
    case .concomitantTreatment(let e): e.date
    case .lymphodepletionGiven(let e): e.date
    case .infused(let e): e.date
    case .offStudy(let e): e.date
    default: nil
    }
  }
}

/// The kinds of events, as stored beside each event's bytes.
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
  case trialOpened, protocolAmended, siteActivated, subjectScreened, criteriaAttested, consentSigned
  case enrolled, leukapheresis, manufacturingReleased, manufacturingFailed, concomitantTreatment
  case lymphodepletionGiven, infused, assessmentRecorded, diseaseAssessed, kineticsSampled
  case dltAdjudicated, recommendationMade, recommendationConfirmed, recommendationOverridden, offStudy
  case correction, signature

  /// Kinds a correction may replace: recorded clinical data. Enrolment, adjudication and dose
  /// decisions are never rewritten: they are followed by new events instead.
  public var isCorrectable: Bool {
    switch self {
    case .consentSigned, .leukapheresis, .manufacturingReleased, .manufacturingFailed, .concomitantTreatment,
      .lymphodepletionGiven, .infused, .assessmentRecorded, .diseaseAssessed, .kineticsSampled, .offStudy:
      true
    default: false
    }
  }
}

extension EventBody: Codable {
  private enum Keys: String, CodingKey { case kind, payload }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    let kind = try c.decode(EventKind.self, forKey: .kind)
    func payload<T: Decodable>(_: T.Type) throws -> T { try c.decode(T.self, forKey: .payload) }
    switch kind {
    case .trialOpened: self = .trialOpened(try payload(TrialOpened.self))
    case .protocolAmended: self = .protocolAmended(try payload(ProtocolAmended.self))
    case .siteActivated: self = .siteActivated(try payload(SiteActivated.self))
    case .subjectScreened: self = .subjectScreened(try payload(SubjectScreened.self))
    case .criteriaAttested: self = .criteriaAttested(try payload(CriteriaAttested.self))
    case .consentSigned: self = .consentSigned(try payload(ConsentSigned.self))
    case .enrolled: self = .enrolled(try payload(Enrolled.self))
    case .leukapheresis: self = .leukapheresis(try payload(ProductStep.self))
    case .manufacturingReleased: self = .manufacturingReleased(try payload(ProductStep.self))
    case .manufacturingFailed: self = .manufacturingFailed(try payload(ProductStep.self))
    case .concomitantTreatment: self = .concomitantTreatment(try payload(ConcomitantTreatment.self))
    case .lymphodepletionGiven: self = .lymphodepletionGiven(try payload(LymphodepletionGiven.self))
    case .infused: self = .infused(try payload(Infused.self))
    case .assessmentRecorded: self = .assessmentRecorded(try payload(AssessmentRecorded.self))
    case .diseaseAssessed: self = .diseaseAssessed(try payload(DiseaseAssessed.self))
    case .kineticsSampled: self = .kineticsSampled(try payload(KineticsSampled.self))
    case .dltAdjudicated: self = .dltAdjudicated(try payload(DLTAdjudicated.self))
    case .recommendationMade: self = .recommendationMade(try payload(RecommendationMade.self))
    case .recommendationConfirmed: self = .recommendationConfirmed(try payload(RecommendationConfirmed.self))
    case .recommendationOverridden:
      self = .recommendationOverridden(try payload(RecommendationOverridden.self))
    case .offStudy: self = .offStudy(try payload(OffStudy.self))
    case .correction: self = .correction(try payload(Correction.self))
    case .signature: self = .signature(try payload(Signature.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(kind, forKey: .kind)
    switch self {
    case .trialOpened(let p): try c.encode(p, forKey: .payload)
    case .protocolAmended(let p): try c.encode(p, forKey: .payload)
    case .siteActivated(let p): try c.encode(p, forKey: .payload)
    case .subjectScreened(let p): try c.encode(p, forKey: .payload)
    case .criteriaAttested(let p): try c.encode(p, forKey: .payload)
    case .consentSigned(let p): try c.encode(p, forKey: .payload)
    case .enrolled(let p): try c.encode(p, forKey: .payload)
    case .leukapheresis(let p), .manufacturingReleased(let p), .manufacturingFailed(let p):
      try c.encode(p, forKey: .payload)
    case .concomitantTreatment(let p): try c.encode(p, forKey: .payload)
    case .lymphodepletionGiven(let p): try c.encode(p, forKey: .payload)
    case .infused(let p): try c.encode(p, forKey: .payload)
    case .assessmentRecorded(let p): try c.encode(p, forKey: .payload)
    case .diseaseAssessed(let p): try c.encode(p, forKey: .payload)
    case .kineticsSampled(let p): try c.encode(p, forKey: .payload)
    case .dltAdjudicated(let p): try c.encode(p, forKey: .payload)
    case .recommendationMade(let p): try c.encode(p, forKey: .payload)
    case .recommendationConfirmed(let p): try c.encode(p, forKey: .payload)
    case .recommendationOverridden(let p): try c.encode(p, forKey: .payload)
    case .offStudy(let p): try c.encode(p, forKey: .payload)
    case .correction(let p): try c.encode(p, forKey: .payload)
    case .signature(let p): try c.encode(p, forKey: .payload)
    }
  }
}
