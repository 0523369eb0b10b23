import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// The trial finder: importing records (administrators only), public search and record pages,
/// related trials, and bad queries answered with a problem naming the parameter.
@Suite struct RegistryFinderTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let records: [URL] =
    ["NCT05164042.json", "NCT05350787.reconstructed.json"].map {
      here.appendingPathComponent("../../../shared/reference/registry/\($0)").standardized
    }
    + ["NCT04825496", "NCT05270772", "NCT07470073"].map {
      here.appendingPathComponent("../Fixtures/registry/\($0).reconstructed.json").standardized
    }

  func importSeeds(_ client: Client, admin: String) async throws {
    for url in Self.records {
      let text = try String(contentsOf: url, encoding: .utf8)
      let answer = try await client.send(.post, "/api/v1/registry", token: admin, json: text)
      #expect(answer.status == .created, "\(url.lastPathComponent): \(answer.text)")
    }
  }

  @Test func onlyAdministratorsImportAndNothingIsKeptFromARefusal() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let text = try String(contentsOf: Self.records[0], encoding: .utf8)
      #expect(try await client.send(.post, "/api/v1/registry", json: text).status == .unauthorized)
      #expect(
        try await client.send(.post, "/api/v1/registry", token: tokens["coordHZ"], json: text).status
          == .forbidden)
      let bad = try await client.send(
        .post, "/api/v1/registry", token: tokens["admin"],
        json: #"{"protocolSection": {"identificationModule": {"nctId": "NCT1"}}}"#)
      #expect(bad.status.code >= 400 && bad.status.code < 500)
      #expect((bad.object["field"] as? String)?.contains("nctId") == true, "\(bad.text)")
      #expect(try await server.store.events(trial: "@registry").isEmpty)
      let first = try await client.send(.post, "/api/v1/registry", token: tokens["admin"], json: text)
      #expect(first.status == .created && first.object["outcome"] as? String == "added")
      let again = try await client.send(.post, "/api/v1/registry", token: tokens["admin"], json: text)
      #expect(again.status == .ok && again.object["outcome"] as? String == "unchanged")
      #expect(try await server.store.events(trial: "@registry").count == 1)
    }
  }

  @Test func searchIsPublicAndSaysWhyEachHitMatched() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importSeeds(client, admin: tokens["admin"]!)
      // The API, without signing in.
      let api = try await client.send(.get, "/api/v1/registry?q=universal%20cd20&pageSize=2")
      #expect(api.status == .ok)
      let hits = try #require(api.object["hits"] as? [[String: Any]])
      let first = try #require(hits.first?["listing"] as? [String: Any])
      #expect(first["nctId"] as? String == "NCT07470073")  // the universal CD19/CD20 product
      #expect(hits.count <= 2)
      let matches = try #require(hits.first?["matches"] as? [[String: Any]])
      #expect(matches.contains { ($0["terms"] as? [String])?.contains("universal") == true })
      // Filters: a 10-year-old excludes the adults-only trials.
      let child = try await client.send(.get, "/api/v1/registry?q=leukemia&age=10&pageSize=100")
      let childIds = Set(
        ((child.object["hits"] as? [[String: Any]]) ?? []).compactMap {
          ($0["listing"] as? [String: Any])?["nctId"] as? String
        })
      #expect(!childIds.isEmpty)
      let all = try await client.send(.get, "/api/v1/registry?q=leukemia&pageSize=100")
      #expect((all.object["total"] as? Int ?? 0) > childIds.count)
      // The page, without signing in: the form, the hits and their marked passages.
      let page = try await client.send(.get, "/trials?q=allogeneic")
      #expect(page.status == .ok)
      #expect(page.text.contains("id=\"form-find\""))
      #expect(page.text.contains("href=\"/registry/NCT05164042\""))
      #expect(page.text.contains("<mark>Allogeneic</mark>"))
      #expect(!page.text.contains("Trials in this database"))
      // Signed in, the same page also lists this database's trials.
      let staff = try await client.send(.get, "/trials?q=allogeneic", cookie: tokens["monitor"])
      #expect(
        staff.text.contains("Trials in this database") && staff.text.contains("<mark>Allogeneic</mark>"))
    }
  }

  @Test func aRecordsPageShowsItsCriteriaSitesAndRelatedTrials() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importSeeds(client, admin: tokens["admin"]!)
      let page = try await client.send(.get, "/registry/NCT05164042")
      #expect(page.status == .ok)
      #expect(page.text.contains("id=\"criterion-I1\"") && page.text.contains("id=\"criterion-E1\""))
      #expect(page.text.contains("href=\"/registry/NCT"))  // related trials
      let related = try await client.send(.get, "/api/v1/registry/NCT05164042/related?limit=3")
      let matches = related.array
      #expect(!matches.isEmpty && matches.count <= 3)
      #expect(matches.allSatisfy { ($0["shared"] as? [String: Any])?["antigens"] != nil })  // all CD19
      let record = try await client.send(.get, "/api/v1/registry/NCT05164042")
      #expect(record.object["nctId"] as? String == "NCT05164042")
      let unknown = try await client.send(.get, "/api/v1/registry/NCT99999999")
      #expect(unknown.status == .notFound)
      #expect(try await client.send(.get, "/registry/NCT99999999").status == .notFound)
    }
  }

  @Test(arguments: [
    ("age=-3", "/age"), ("near=somewhere", "/near"), ("status=recruting", "/status"),
    ("pageSize=500", "/pageSize"),
    ("withinKm=10", "/near"), ("sex=other", "/sex"), ("page=two", "/page"),
  ])
  func badQueriesAreProblemsNamingTheParameter(_ query: String, _ field: String) async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let answer = try await client.send(.get, "/api/v1/registry?\(query)")
      #expect(answer.status == .unprocessableContent, "\(answer.text)")
      #expect(answer.headers[.contentType] == "application/problem+json")
      #expect(answer.object["field"] as? String == field, "\(answer.text)")
      let page = try await client.send(.get, "/trials?\(query)")
      #expect(page.status == .ok)
      #expect(page.text.contains("role=\"alert\""))
    }
  }

  @Test func preScreeningAnswersPerCriterionAndStoresNothing() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importSeeds(client, admin: tokens["admin"]!)
      let form = try await client.send(.get, "/registry/NCT05270772/prescreen")
      #expect(form.status == .ok && form.text.contains("id=\"q-diagnosis\""))
      let before = try await server.store.events(trial: "@registry").count
      let no = try await client.send(
        .post, "/registry/NCT05270772/prescreen", form: "diagnosis=no&status=relapsed")
      #expect(no.status == .ok)
      #expect(no.text.contains("Likely not eligible") && no.text.contains("likely not met"))
      let yes = try await client.send(
        .post, "/registry/NCT05270772/prescreen",
        form: "diagnosis=yes&status=relapsed&sex=female&pregnant=no&lactating=no")
      #expect(yes.text.contains("May be eligible") && yes.text.contains("the study team must check"))
      let bad = try await client.send(.post, "/registry/NCT05270772/prescreen", form: "age=abc")
      #expect(bad.status == .unprocessableContent && bad.text.contains("role=\"alert\""))
      #expect(try await server.store.events(trial: "@registry").count == before)
      #expect(try await client.send(.get, "/registry/NCT99999999/prescreen").status == .notFound)
    }
  }

  @Test func trialsIMayFitAreRankedAcrossTheRegistryAndNothingIsStored() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importSeeds(client, admin: tokens["admin"]!)
      let form = try await client.send(.get, "/trials/fit")
      #expect(form.status == .ok && form.text.contains("id=\"q-age\"") && form.text.contains("id=\"q-ecog\""))
      #expect(try await client.send(.get, "/trials").text.contains("href=\"/trials/fit\""))
      let before = try await server.store.events(trial: "@registry").count
      // Sixteen: the record limits admit NCT05164042 (14–70), NCT05270772 (≤ 24), NCT07470073
      // (12–75), not NCT05350787 or NCT04825496 (from 18).
      let answer = try await client.send(
        .post, "/trials/fit", form: "age=16&diagnosis=yes&status=relapsed&cd19=yes")
      #expect(answer.status == .ok)
      let may = try #require(answer.text.range(of: "id=\"fit-may\"")),
        not = try #require(answer.text.range(of: "id=\"fit-not\""))
      let mayTable = String(answer.text[may.upperBound..<not.lowerBound]),
        notTable = String(answer.text[not.upperBound...])
      for nct in ["NCT05164042", "NCT05270772", "NCT07470073"] { #expect(mayTable.contains(nct), "\(nct)") }
      for nct in ["NCT05350787", "NCT04825496"] {
        #expect(!mayTable.contains(nct) && notTable.contains(nct), "\(nct)")
      }
      #expect(notTable.contains("age 16 years: the record admits from 18 years"))
      let bad = try await client.send(.post, "/trials/fit", form: "age=abc")
      #expect(
        bad.status == .unprocessableContent && bad.text.contains("role=\"alert\"") && bad.text.contains("age")
      )
      // Signed in, the form carries its CSRF token.
      let admin = tokens["admin"]!
      let signedIn = try await client.send(
        .post, "/trials/fit", cookie: admin, form: "age=16&csrf=\(CSRF.token(forSession: admin))")
      #expect(signedIn.status == .ok)
      #expect(
        try await client.send(.get, "/trials/fit", cookie: admin).text.contains(CSRF.token(forSession: admin))
      )
      #expect(try await server.store.events(trial: "@registry").count == before)
    }
  }
}
