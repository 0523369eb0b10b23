import Foundation
import Registry
import TrialStore

/// The local registry (BENCHMARKS.md "Issue 15"): reading the corpus of real ClinicalTrials.gov
/// records, importing it into a SQLite database, and search and related-trial latency on the
/// corpus replicated to 10⁴ records (copies get new NCT ids `NCT9…`, so the index holds 10⁴
/// distinct records with the corpus's texts).
enum RegistryBench {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/reference/registry/corpus").standardized

  static func run() async throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter {
      $0.hasSuffix(".json")
    }
    .sorted()
    let documents = try files.map { ($0, try Data(contentsOf: corpus.appendingPathComponent($0))) }
    let bytes = documents.reduce(0) { $0 + $1.1.count }
    print("== registry: \(documents.count) corpus records, \(bytes / 1_000_000) MB")

    var start = Date()
    let read = RegistryImport.read(documents: documents)
    let readSeconds = Date().timeIntervalSince(start)
    print(
      String(
        format: "read (parse, no store): %d records in %.2f s = %.0f records/s, %d refused",
        read.records.count,
        readSeconds, Double(read.records.count) / readSeconds, read.refusals.count))

    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("registry-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try await openEventStore(.sqlite(path: dir.appendingPathComponent("r.sqlite").path))
    start = Date()
    let summary = try await RegistryBook(store: store).importRecords(documents, by: "bench")
    let importSeconds = Date().timeIntervalSince(start)
    print(
      String(
        format: "import into SQLite (read, check, one durable event each): %d in %.2f s = %.0f records/s",
        summary.added.count, importSeconds, Double(summary.added.count) / importSeconds))
    start = Date()
    let cold = try await RegistryBook(store: store).index()
    print(
      String(
        format: "a new process's first search: load %d records from the log and index them: %.2f s",
        cold.count,
        Date().timeIntervalSince(start)))
    try await store.close()

    let base = read.records.map(RegistryListing.init)
    var listings = base
    var copy = 0
    while listings.count < 10_000 {
      copy += 1
      for var l in base where listings.count < 10_000 {
        l.nctId = String(format: "NCT9%07d", listings.count)
        listings.append(l)
      }
    }
    start = Date()
    let index = SearchIndex(listings)
    print(String(format: "index %d records (BM25F): %.2f s", index.count, Date().timeIntervalSince(start)))

    // Queries: the first condition of every 25th record, and a fixed set of clinical phrases,
    // each alone and with filters.
    var queries = stride(from: 0, to: base.count, by: 25).compactMap { base[$0].conditions.first }
      .map { SearchQuery(text: $0) }
    for text in [
      "cd19 car-t leukemia", "acute lymphoblastic leukemia children", "allogeneic", "bcma myeloma",
    ] {
      queries.append(SearchQuery(text: text))
      queries.append(SearchQuery(text: text, statuses: ["RECRUITING"], ageYears: 30))
      queries.append(
        SearchQuery(text: text, near: GeoPoint(latitude: 39.9, longitude: 116.4), withinKm: 500))
    }
    queries.append(SearchQuery(near: GeoPoint(latitude: 48.85, longitude: 2.35)))
    var times: [Double] = []
    var hits = 0
    for _ in 0..<3 {
      for q in queries {
        let t = Date()
        hits += try index.search(q).total
        times.append(Date().timeIntervalSince(t) * 1000)
      }
    }
    report("search on 10^4 records (\(queries.count) queries × 3, \(hits) hits in all)", times)

    let related = RelatedTrials(index)
    times = []
    for i in stride(from: 0, to: index.count, by: 100) {
      let t = Date()
      _ = try related.related(to: index.listings[i].nctId)
      times.append(Date().timeIntervalSince(t) * 1000)
    }
    report("related trials on 10^4 records (\(times.count) trials)", times)
  }

  static func report(_ what: String, _ ms: [Double]) {
    let sorted = ms.sorted()
    func p(_ q: Double) -> Double {
      sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
    }
    print(
      String(format: "%@: p50 %.2f ms, p99 %.2f ms, max %.2f ms", what, p(0.5), p(0.99), sorted.last ?? 0))
  }
}
