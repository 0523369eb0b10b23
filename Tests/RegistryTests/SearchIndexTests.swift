import Foundation
import Inputs
import Registry
import Testing

/// The BM25F ranking against its formula worked by hand, the filters, paging and the errors.
@Suite struct SearchIndexTests {
  func listing(
    _ id: String, title: String, status: String = "RECRUITING", phases: [String] = ["PHASE1"],
    conditions: [String] = [], criteria: String = "", minimumAge: AgeLimit? = nil,
    maximumAge: AgeLimit? = nil,
    sex: RegistryListing.Sex = .all, sites: [RegistryListing.Site] = []
  ) -> RegistryListing {
    RegistryListing(
      nctId: id, title: title, status: status, phases: phases, conditions: conditions, criteria: criteria,
      minimumAge: minimumAge, maximumAge: maximumAge, sex: sex, sites: sites)
  }

  /// Titles only: A "leukemia leukemia trial" (3 terms), B "leukemia" (1), C "lymphoma trial" (2);
  /// mean title length 2, N = 3, n(leukemia) = 2, title weight 3.
  @Test func scoresFollowTheFormulaByHand() throws {
    let index = SearchIndex([
      listing("NCT00000001", title: "Leukemia leukemia trial"),
      listing("NCT00000002", title: "Leukemia"),
      listing("NCT00000003", title: "Lymphoma trial"),
    ])
    let results = try index.search(SearchQuery(text: "leukemia"))
    let idf = log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    let k: Double = 1 - 0.75
    let tfA: Double = 6 / (k + 0.75 * 1.5)
    let tfB: Double = 3 / (k + 0.75 * 0.5)
    let expected = ["NCT00000002": idf * tfB / (1.2 + tfB), "NCT00000001": idf * tfA / (1.2 + tfA)]
    #expect(results.total == 2)
    #expect(results.hits.map(\.listing.nctId) == ["NCT00000002", "NCT00000001"])  // the shorter title wins
    for hit in results.hits {
      let want = try #require(expected[hit.listing.nctId])
      #expect(abs(hit.score - want) < 1e-5, "\(hit.listing.nctId): \(hit.score) vs \(want)")
    }
  }

  @Test func aFieldsWeightCounts() throws {
    // The same word once in the title beats once in the criteria (weights 3 and 1), all else equal.
    let index = SearchIndex([
      listing("NCT00000001", title: "Leukemia study", criteria: "adults"),
      listing("NCT00000002", title: "Adults study", criteria: "leukemia"),
    ])
    let hits = try index.search(SearchQuery(text: "leukemia")).hits
    #expect(hits.map(\.listing.nctId) == ["NCT00000001", "NCT00000002"])
    #expect(hits[0].matches.map(\.field) == [.title])
    #expect(hits[1].matches.map(\.field) == [.criteria])
  }

  @Test func eachHitSaysWhyItMatched() throws {
    let criteria =
      "Inclusion Criteria: patients with relapsed or refractory B-cell acute lymphoblastic Leukaemia, CD19 positive"
    let index = SearchIndex([
      listing("NCT00000001", title: "A CAR-T study", conditions: ["B-ALL"], criteria: criteria)
    ])
    let hit = try #require(try index.search(SearchQuery(text: "leukemia cd19")).hits.first)
    let match = try #require(hit.matches.first { $0.field == .criteria })
    #expect(Set(match.terms) == ["leukemia", "cd19"])
    let marked = match.marks.map { range in
      String(Array(match.passage)[range])
    }
    #expect(marked == ["Leukaemia", "CD19"])
  }

  @Test func filtersStatusPhaseAgeAndSex() throws {
    let index = SearchIndex([
      listing(
        "NCT00000001", title: "CAR-T leukemia", status: "RECRUITING", phases: ["PHASE1"],
        minimumAge: AgeLimit(18, .years)),
      listing("NCT00000002", title: "CAR-T leukemia", status: "COMPLETED", phases: ["PHASE1", "PHASE2"]),
      listing(
        "NCT00000003", title: "CAR-T leukemia", status: "RECRUITING", phases: ["PHASE2"],
        maximumAge: AgeLimit(17, .years)),
      listing("NCT00000004", title: "CAR-T leukemia", status: "RECRUITING", phases: ["PHASE1"], sex: .female),
    ])
    func ids(_ q: SearchQuery) throws -> Set<String> { Set(try index.search(q).hits.map(\.listing.nctId)) }
    #expect(
      try ids(SearchQuery(text: "leukemia", statuses: ["recruiting"])) == [
        "NCT00000001", "NCT00000003", "NCT00000004",
      ])
    #expect(try ids(SearchQuery(text: "leukemia", phases: ["PHASE2"])) == ["NCT00000002", "NCT00000003"])
    #expect(
      try ids(SearchQuery(text: "leukemia", ageYears: 12)) == ["NCT00000002", "NCT00000003", "NCT00000004"])
    #expect(
      try ids(SearchQuery(text: "leukemia", ageYears: 30, sex: .male)) == ["NCT00000001", "NCT00000002"])
    #expect(try ids(SearchQuery(text: "lymphoma")) == [])
  }

  @Test func distanceFromAPlace() throws {
    let beijing = GeoPoint(latitude: 39.9042, longitude: 116.4074)
    let shanghai = GeoPoint(latitude: 31.2304, longitude: 121.4737)
    let tianjin = GeoPoint(latitude: 39.3434, longitude: 117.3616)
    let index = SearchIndex([
      listing(
        "NCT00000001", title: "CAR-T",
        sites: [RegistryListing.Site(facility: "Ruijin Hospital", point: shanghai)]),
      listing(
        "NCT00000002", title: "CAR-T",
        sites: [
          RegistryListing.Site(facility: "Far", point: shanghai),
          RegistryListing.Site(facility: "Tianjin", point: tianjin),
        ]),
      listing("NCT00000003", title: "CAR-T", sites: [RegistryListing.Site(facility: "No coordinates")]),
    ])
    let near = try index.search(SearchQuery(near: beijing, withinKm: 200))
    #expect(near.hits.map(\.listing.nctId) == ["NCT00000002"])
    #expect(near.hits[0].nearestSite?.facility == "Tianjin")
    let d = try #require(near.hits[0].distanceKm)
    #expect(abs(d - beijing.distanceKm(to: tianjin)) < 1e-9 && d < 200)
    // Without words, nearest first; a record without coordinates last.
    let all = try index.search(SearchQuery(near: beijing))
    #expect(all.hits.map(\.listing.nctId) == ["NCT00000002", "NCT00000001", "NCT00000003"])
  }

  @Test func pagesCoverEveryHitOnce() throws {
    let index = SearchIndex(
      (1...25).map { listing(String(format: "NCT%08d", $0), title: "CAR-T leukemia \($0)") })
    var seen: [String] = []
    for page in 1...3 {
      let results = try index.search(SearchQuery(text: "leukemia", page: page, pageSize: 10))
      #expect(results.total == 25)
      #expect(results.hits.count == (page < 3 ? 10 : 5))
      seen += results.hits.map(\.listing.nctId)
    }
    #expect(seen.count == 25 && Set(seen).count == 25)
    #expect(try index.search(SearchQuery(text: "leukemia", page: 4, pageSize: 10)).hits.isEmpty)
  }

  @Test func badQueriesNameTheirFields() {
    let index = SearchIndex([])
    func fields(_ q: SearchQuery) -> [String] {
      do {
        _ = try index.search(q)
        return []
      } catch { return error.errors.map(\.field) }
    }
    #expect(fields(SearchQuery(statuses: ["recruting"])) == ["status"])
    #expect(fields(SearchQuery(phases: ["PHASE9"])) == ["phase"])
    #expect(fields(SearchQuery(ageYears: -1)) == ["age"])
    #expect(fields(SearchQuery(withinKm: 10)) == ["near"])
    #expect(fields(SearchQuery(near: GeoPoint(latitude: 95, longitude: 0))) == ["near"])
    #expect(fields(SearchQuery(page: 0, pageSize: 101)) == ["page", "pageSize"])
  }
}
