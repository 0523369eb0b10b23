import Assessment
import TrialModel
import Trials

/// A trial as its events describe it: `TrialState.fold(events)` is the whole truth of a trial,
/// and nothing else is (DESIGN: a trial is a fold over its events).
public struct TrialState: Sendable {
  public internal(set) var trial: String
  /// The protocol in force and the SHA-256 of its text.
  public internal(set) var protocolInForce: TrialProtocol
  public internal(set) var protocolHash: String
  public internal(set) var protocolText: String
  /// Active sites (id → name).
  public internal(set) var sites: [String: String?] = [:]
  /// Groups in protocol order.
  public internal(set) var groups: [GroupState] = []
  /// Subjects by id, and the order they were first screened in.
  public internal(set) var subjects: [String: SubjectState] = [:]
  public internal(set) var subjectOrder: [String] = []
  /// Signatures by the sequence of the event they sign.
  public internal(set) var signatures: [Int: [SignatureRecord]] = [:]
  /// Corrections by the sequence of the event they correct, oldest first.
  public internal(set) var corrections: [Int: [Correction]] = [:]
  /// The kinds of events by sequence (what a correction or signature may name).
  public internal(set) var kinds: [EventKind] = []
  /// The subject of each event by sequence, if it has one (a correction must keep it).
  public internal(set) var eventSubjects: [String?] = []
  /// The sequence of the event each request key recorded (``TrialEvent/idempotencyKey``).
  public internal(set) var requests: [String: Int] = [:]
  /// The design of each group, resolved from the protocol in force.
  var designs: [String: TrialDesign] = [:]

  /// The number of events folded (the sequence of the last one).
  public var head: Int { kinds.count }

  public func group(_ id: String) -> GroupState? {
    groups.first { $0.id.lowercased() == id.lowercased() }
  }

  /// The group's executable design.
  public func design(forGroup id: String) -> TrialDesign? { designs[id] }

  /// The group's definition in the protocol in force.
  public func definition(ofGroup id: String) -> PopulationGroup? {
    protocolInForce.groups.first { $0.id == id }
  }

  /// The DLT window of a group in days (the protocol's DLT settings, else the group design's).
  public func dltWindowDays(group id: String) -> Int {
    let design = definition(ofGroup: id).map { Assumed($0.design.dltWindowDays.value) }
    return protocolInForce.assessment.dlt.window(designWindowDays: design).value
  }

  /// Subjects in screening order.
  public var orderedSubjects: [SubjectState] { subjectOrder.compactMap { subjects[$0] } }
}
