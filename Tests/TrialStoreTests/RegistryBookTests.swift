import Foundation
import Registry
import Testing

@testable import TrialStore

/// The local registry on each database: imports kept whole or refused whole, the same content left
/// as it is, a changed record versioned, two processes importing at once, and search over what
/// was imported.
@Suite struct RegistryBookTests {
  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/reference/registry/NCT05164042.json").standardized

  func seedDocument() throws -> (source: String, data: Data) {
    (Self.seed.path, try Data(contentsOf: Self.seed))
  }

  /// The seed record with its brief title changed (the same study, a new registry version).
  func changedSeed() throws -> (source: String, data: Data) {
    var json = try #require(try JSONSerialization.jsonObject(with: try seedDocument().data) as? [String: Any])
    var protocolSection = try #require(json["protocolSection"] as? [String: Any])
    var identification = try #require(protocolSection["identificationModule"] as? [String: Any])
    identification["briefTitle"] = "Allogeneic CD19 CAR-T cells (amended title)"
    protocolSection["identificationModule"] = identification
    json["protocolSection"] = protocolSection
    return ("amended.json", try JSONSerialization.data(withJSONObject: json))
  }

  @Test(arguments: Engine.allCases)
  func importsOnceAndVersionsAChange(_ engine: Engine) async throws {
    try await Harness.with(engine) { h in
      let book = RegistryBook(store: h.store)
      let first = try await book.importRecords([try seedDocument()], by: "admin", reason: "first import")
      #expect(first.added == ["NCT05164042"] && first.updated.isEmpty && first.refusals.isEmpty)
      let again = try await book.importRecords([try seedDocument()], by: "admin")
      #expect(again.unchanged == ["NCT05164042"] && again.added.isEmpty)
      #expect(try await h.store.events(trial: RegistryBook.logID).count == 1)
      let changed = try await book.importRecords([try changedSeed()], by: "admin", reason: "registry update")
      #expect(changed.updated == ["NCT05164042"])
      let entry = try #require(try await book.entry("NCT05164042"))
      #expect(entry.version == 2 && entry.record.briefTitle.hasSuffix("(amended title)"))
      // The log keeps both versions verbatim, with who and why.
      let events = try await h.store.events(trial: RegistryBook.logID).map {
        try RegistryEvent.decode($0.bytes)
      }
      #expect(events.map(\.reason) == ["first import", "registry update"])
      #expect(events[0].document == String(decoding: try seedDocument().data, as: UTF8.self))
    }
  }

  @Test(arguments: Engine.allCases)
  func aMalformedRecordLeavesNothing(_ engine: Engine) async throws {
    try await Harness.with(engine) { h in
      let book = RegistryBook(store: h.store)
      let bad = Data(#"{"protocolSection": {"identificationModule": {"nctId": 42}}}"#.utf8)
      let summary = try await book.importRecords([("bad.json", bad), try seedDocument()], by: "admin")
      #expect(summary.added == ["NCT05164042"])
      let refusal = try #require(summary.refusals.first)
      #expect(refusal.source == "bad.json")
      #expect(refusal.error.field.contains("nctId"), "\(refusal.error)")
      #expect(try await h.store.events(trial: RegistryBook.logID).count == 1)
    }
  }

  @Test(arguments: Engine.databases)
  func twoProcessesImportAtOnce(_ engine: Engine) async throws {
    try await Harness.with(engine) { h in
      let other = try await h.another()
      let a = RegistryBook(store: h.store)
      let b = RegistryBook(store: other)
      let seed = try seedDocument()
      async let x = a.importRecords([seed], by: "a")
      async let y = b.importRecords([seed], by: "b")
      let (sx, sy) = try await (x, y)
      // One of them added it; the other found it there (or, having lost the race, the same content).
      #expect(sx.added.count + sy.added.count == 1)
      #expect(sx.unchanged.count + sy.unchanged.count == 1)
      #expect(try await h.store.events(trial: RegistryBook.logID).count == 1)
      #expect(try await b.entry("NCT05164042")?.version == 1)
      if other as AnyObject !== h.store as AnyObject { try await other.close() }
    }
  }

  @Test func searchAndRelatedFollowTheImports() async throws {
    try await Harness.with(.memory) { h in
      let book = RegistryBook(store: h.store)
      #expect(try await book.index().count == 0)
      _ = try await book.importRecords([try seedDocument()], by: "admin")
      let hits = try await book.index().search(SearchQuery(text: "allogeneic leukemia")).hits
      #expect(hits.map(\.listing.nctId) == ["NCT05164042"])
      #expect(try await book.related().related(to: "NCT05164042").isEmpty)
    }
  }
}
