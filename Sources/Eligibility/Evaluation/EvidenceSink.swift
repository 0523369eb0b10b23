/// Where evaluation writes its evidence. The screening hot path uses ``NoEvidence`` (every call
/// compiles away); reports use ``EvidenceRecorder``.
protocol EvidenceSink {
  /// Whether this sink keeps anything (lets composite nodes skip explanation work).
  static var records: Bool { get }
  init()
  mutating func note(_ text: @autoclosure () -> String)
  mutating func missing(_ path: String)
  /// Set when the verdict comes from an investigator's attestation.
  var attested: Bool { get set }
}

struct NoEvidence: EvidenceSink {
  static var records: Bool { false }
  @inline(__always) mutating func note(_ text: @autoclosure () -> String) {}
  @inline(__always) mutating func missing(_ path: String) {}
  var attested: Bool {
    get { false }
    set {}
  }
}

/// Collects evidence notes into one "; "-separated string and the missing fields' paths.
struct EvidenceRecorder: EvidenceSink {
  static var records: Bool { true }
  var notes = ""
  var missingPaths: [String] = []
  var attested = false
  mutating func note(_ text: @autoclosure () -> String) {
    if !notes.isEmpty { notes += "; " }
    notes += text()
  }
  mutating func missing(_ path: String) {
    if !missingPaths.contains(path) { missingPaths.append(path) }
  }
}
