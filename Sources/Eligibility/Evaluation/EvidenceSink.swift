/// Where evaluation writes its evidence. The screening hot path uses ``NoEvidence`` (every call
/// compiles away); reports use ``EvidenceRecorder``.
protocol EvidenceSink {
  /// Whether this sink keeps anything (lets composite nodes skip explanation work).
  static var records: Bool { get }
  init()
  mutating func note(_ text: @autoclosure () -> EvidenceText)
  mutating func missing(_ path: String)
  /// Set when the verdict comes from an investigator's attestation.
  var attested: Bool { get set }
}

struct NoEvidence: EvidenceSink {
  static var records: Bool { false }
  @inline(__always) mutating func note(_ text: @autoclosure () -> EvidenceText) {}
  @inline(__always) mutating func missing(_ path: String) {}
  var attested: Bool {
    get { false }
    set {}
  }
}

/// Collects evidence notes into one "; "-separated UTF-8 text and the missing fields' paths.
/// One recorder serves every criterion of a report (``reset()`` between them), so its buffer
/// is allocated once.
struct EvidenceRecorder: EvidenceSink {
  static var records: Bool { true }
  var notes: [UInt8] = []
  var missingPaths: [String] = []
  var attested = false
  init() { notes.reserveCapacity(256) }
  mutating func note(_ text: @autoclosure () -> EvidenceText) {
    if !notes.isEmpty { EvidenceText.append("; ", to: &notes) }
    text().utf8.withBytes { notes.append(contentsOf: $0) }
  }
  /// Empties the recorder for the next criterion, keeping the buffer.
  mutating func reset() {
    notes.removeAll(keepingCapacity: true)
    if !missingPaths.isEmpty { missingPaths = [] }
    attested = false
  }
  mutating func missing(_ path: String) {
    if !missingPaths.contains(path) { missingPaths.append(path) }
  }
}
