import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// `GET /api/v1/trials/{trial}/exports/{format}`: site scoping (a coordinator exports only their
/// site's subjects and may not ask for another site), roles without subject access refused, and
/// bad input answered with a problem naming the parameter.
@Suite struct ExportRouteTests {
  @Test func exportsAreScopedToWhatTheUserMaySee() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let driver = TrialDriver(server: server, client: client, tokens: tokens)
      try await driver.eligible("S-01", site: "HZ")
      try await driver.eligible("S-02", site: "BJ")
      let base = "/api/v1/trials/\(ServerHarness.trial)/exports"
      func subjects(_ token: String?, _ query: String = "") async throws -> Set<String> {
        let answer = try await client.send(.get, "\(base)/sdtm?domain=DM\(query)", token: token)
        #expect(answer.status == .ok, "\(answer.text)")
        #expect(answer.headers[.contentType]?.hasPrefix("text/csv") == true)
        let lines = answer.text.split(whereSeparator: \.isNewline)
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        let at = try #require(header.firstIndex(of: "SUBJID"))
        return Set(
          lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[at]) })
      }
      #expect(try await subjects(tokens["monitor"]) == ["S-01", "S-02"])
      #expect(try await subjects(tokens["coordHZ"]) == ["S-01"])
      #expect(try await subjects(tokens["invBJ"]) == ["S-02"])
      #expect(try await subjects(tokens["monitor"], "&site=BJ") == ["S-02"])
      let other = try await client.send(.get, "\(base)/sdtm?domain=DM&site=BJ", token: tokens["coordHZ"])
      #expect(other.status == .forbidden && other.object["field"] as? String == "/site")
      let fhir = try await client.send(.get, "\(base)/fhir", token: tokens["coordHZ"])
      #expect(fhir.headers[.contentType] == "application/fhir+json")
      #expect(fhir.text.contains("S-01") && !fhir.text.contains("S-02"))
      let odm = try await client.send(.get, "\(base)/odm", token: tokens["coordHZ"])
      #expect(odm.headers[.contentType] == "application/xml")
      #expect(odm.text.contains("S-01") && !odm.text.contains("S-02"))
      #expect(try await client.send(.get, "\(base)/fhir", token: tokens["stat"]).status == .forbidden)
      #expect(try await client.send(.get, "\(base)/fhir").status == .unauthorized)
    }
  }

  @Test(
    arguments: [
      ("/api/v1/trials/NOPE/exports/fhir", 404, nil),
      ("/api/v1/trials/\(ServerHarness.trial)/exports/xls", 422, "/format"),
      ("/api/v1/trials/\(ServerHarness.trial)/exports/sdtm", 422, "/domain"),
      ("/api/v1/trials/\(ServerHarness.trial)/exports/sdtm?domain=XX", 422, "/domain"),
      ("/api/v1/trials/\(ServerHarness.trial)/exports/odm?site=ZZ", 404, "/site"),
    ] as [(String, Int, String?)])
  func badInputIsAProblem(_ path: String, _ status: Int, _ field: String?) async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let answer = try await client.send(.get, path, token: tokens["monitor"])
      #expect(answer.status.code == status, "\(answer.text)")
      #expect(answer.headers[.contentType] == "application/problem+json")
      if let field { #expect(answer.object["field"] as? String == field, "\(answer.text)") }
    }
  }
}
