import Crypto
import Foundation
import Inputs
import Registry
import TrialModel

/// The local registry: ClinicalTrials.gov records imported into the database as the registry log
/// (``RegistryEvent``s, beside the trials' logs), so every server process and the CLI on one
/// database share them, and the finder's search index and related trials built from them.
///
/// An import reads every record first (``RegistryImport``): a malformed one is refused with its
/// JSON path and nothing of it is kept; a record already held with the same content is left as it
/// is; a changed one is appended as its new version. Appends are at the sequence this process
/// expects; when another process got there first, the record is compared again with the newer log.
public actor RegistryBook {
  /// The registry log's id among the trials' logs (not a valid trial id).
  public static let logID = "@registry"

  /// A record as the registry holds it now.
  public struct Entry: Sendable, Hashable {
    public var record: RegistryRecord
    public var sha256: String
    public var importedAt: Date
    public var importedBy: String
    /// 1 for the first import, one more for each changed one.
    public var version: Int
  }

  /// What one import did.
  public struct ImportSummary: Sendable, Hashable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var refusals: [RegistryImport.Refusal] = []
    /// Notices put in visitors' outboxes: saved searches that find a newly added record.
    public var notices = 0
  }

  let store: any EventStore
  let clock: @Sendable () -> Date
  private var head = 0
  private var entries: [String: Entry] = [:]
  private var built: (head: Int, index: SearchIndex, related: RelatedTrials)?
  private var screened: (head: Int, screenings: [String: PreScreening])?

  public init(store: any EventStore, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.store = store
    self.clock = clock
  }

  /// The records as of the newest stored event (from any process), by NCT id.
  public func current() async throws -> [String: Entry] {
    let newer = try await store.events(trial: Self.logID, from: head + 1)
    for stored in newer where stored.sequence == head + 1 {
      let event = try RegistryEvent.decode(stored.bytes)
      let record = try RegistryRecord(json: Data(event.document.utf8), source: event.source)
      entries[event.nctId] = Entry(
        record: record, sha256: event.sha256, importedAt: event.recordedAt, importedBy: event.by,
        version: (entries[event.nctId]?.version ?? 0) + 1)
      head = stored.sequence
    }
    return entries
  }

  /// The record of `nctId`, if imported.
  public func entry(_ nctId: String) async throws -> Entry? { try await current()[nctId] }

  /// Imports `documents` (`source` names each in errors), by `by`, for `reason`.
  public func importRecords(_ documents: [(source: String, data: Data)], by: String, reason: String? = nil)
    async throws -> ImportSummary
  {
    let read = RegistryImport.read(documents: documents)
    var summary = ImportSummary(refusals: read.refusals)
    let texts = Dictionary(documents.map { ($0.source, $0.data) }, uniquingKeysWith: { _, last in last })
    for record in read.records {
      let data = texts[record.source] ?? Data()
      let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
      var appended = false
      for _ in 0..<100 {
        let held = try await current()[record.nctId]
        if held?.sha256 == sha {
          summary.unchanged.append(record.nctId)
          appended = true
          break
        }
        let event = RegistryEvent(
          recordedAt: clock(), by: by, reason: reason, nctId: record.nctId, source: record.source,
          sha256: sha,
          document: String(decoding: data, as: UTF8.self))
        do {
          _ = try await store.append(
            trial: Self.logID, sequence: head + 1, kind: event.kind, bytes: RegistryEvent.encode(event))
          if held == nil { summary.added.append(record.nctId) } else { summary.updated.append(record.nctId) }
          appended = true
          break
        } catch StoreError.sequenceTaken {
          continue
        }
      }
      if !appended {
        throw InputError(
          .conflict, field: "registry", expected: "fewer simultaneous imports",
          found: "100 attempts overtaken")
      }
    }
    _ = try await current()
    // The import stands once appended: a failure to notify saved searches does not undo it.
    summary.notices =
      (try? await VisitorRecords(store: store).notify(
        added: Set(summary.added), index: try await index(), at: clock())) ?? 0
    return summary
  }

  /// The search index of every record held, rebuilt when the registry has changed.
  public func index() async throws -> SearchIndex { try await finder().index }

  /// Related trials over every record held.
  public func related() async throws -> RelatedTrials { try await finder().related }

  /// "Trials I may fit" (``TrialFit``) among the records `query` finds, its page aside: a
  /// record's pre-screening is built when first needed, once per registry version.
  public func fit(_ query: SearchQuery, answers: [String: String], on date: CalendarDate) async throws
    -> TrialFit.Ranking
  {
    let index = try await finder().index
    let entries = try await current()
    if screened?.head != head { screened = (head, [:]) }
    var found: [(listing: RegistryListing, distanceKm: Double?, screening: PreScreening)] = []
    let hits = try index.matching(query)
    for hit in hits.prefix(TrialFit.maximumCandidates) {
      guard let record = entries[hit.listing.nctId]?.record else { continue }
      let screening = screened!.screenings[record.nctId] ?? PreScreening(record)
      screened!.screenings[record.nctId] = screening
      found.append((hit.listing, hit.distanceKm, screening))
    }
    var ranking = try TrialFit.rank(found, answers: answers, on: date)
    ranking.found = hits.count
    return ranking
  }

  func finder() async throws -> (index: SearchIndex, related: RelatedTrials) {
    let entries = try await current()
    if let built, built.head == head { return (built.index, built.related) }
    let index = SearchIndex(entries.values.map { RegistryListing($0.record) })
    let related = RelatedTrials(index)
    built = (head, index, related)
    return (index, related)
  }
}
