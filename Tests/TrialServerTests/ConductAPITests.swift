import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// A trial run through the API: every conduct command, the design's recommendation, its signed
/// confirmation, idempotent retries, and refusals that write nothing.
@Suite struct ConductAPITests {
  @Test func aCohortRunsToASignedConfirmationOfTheRecommendation() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      try await driver.cohortWithOneDLT(["S-01", "S-02", "S-03"])
      let groups = try #require(try await driver.overview()["groups"] as? [[String: Any]])
      let recommendation = try #require(groups.first?["recommendation"] as? [String: Any])
      #expect(recommendation["status"] as? String == "awaitingDecision")
      #expect(recommendation["decision"] as? String == "S")
      #expect(recommendation["nextLevel"] as? Int == 1)
      let levels = try #require(groups.first?["levels"] as? [[String: Any]])
      #expect(levels.contains { $0["patients"] as? Int == 3 && $0["dlts"] as? Int == 1 })

      let confirm = "/api/v1/trials/\(ServerHarness.trial)/groups/main/confirm"
      let before = try await server.eventCount()
      let wrong = try await client.send(
        .post, confirm, token: driver.tokens["invHZ"], json: #"{"password": "not-my-password"}"#)
      #expect(wrong.status == .forbidden)
      #expect(wrong.object["field"] as? String == "/password")
      #expect(try await server.eventCount() == before)
      // A coordinator may not confirm, whatever the password.
      let coordinator = try await client.send(
        .post, confirm, token: driver.tokens["coordHZ"],
        json: #"{"password": "\#(ServerHarness.password("coordHZ"))"}"#)
      #expect(coordinator.status == .forbidden)
      #expect(try await server.eventCount() == before)

      // With an idempotency key, as every form sends one: the confirmation and its signature.
      let written = try await client.send(
        .post, confirm, token: driver.tokens["invHZ"],
        json: #"{"password": "\#(ServerHarness.password("invHZ"))"}"#,
        headers: [HTTPField.Name("Idempotency-Key")!: "confirm-1"])
      #expect(written.status == .created, "\(written.text)")
      #expect(written.array.map { $0["kind"] as? String } == ["recommendationConfirmed", "signature"])
      let signer = try #require(written.array.last?["actor"] as? [String: Any])
      #expect(signer["name"] as? String == "invHZ printed (invHZ)")
      #expect(try await server.eventCount() == before + 2)
      let after = try #require(try await driver.overview()["groups"] as? [[String: Any]])
      let decided = try #require(after.first?["recommendation"] as? [String: Any])
      #expect(decided["status"] as? String == "confirmed")
      // Who decided and when, and the signature's printed name, meaning and time (21 CFR 11.50).
      let times = written.array.map { $0["recordedAt"] as? String ?? "?" }
      #expect(decided["decidedBy"] as? String == "invHZ printed (invHZ)")
      #expect(decided["decidedAt"] as? String == times[0])
      let manifestation = "invHZ printed (invHZ) — approval — \(times[1])"
      #expect(decided["signatures"] as? [String] == [manifestation])
      let page = try await client.expect(
        .ok, .get, "/trials/\(ServerHarness.trial)", token: driver.tokens["monitor"])
      #expect(page.text.contains("Decided by invHZ printed (invHZ), \(times[0])."))
      #expect(page.text.contains(manifestation))
      #expect(page.text.contains("stay (S)"))
      let verify = try await client.expect(
        .ok, .get, "/api/v1/trials/\(ServerHarness.trial)/audit/verify", token: driver.tokens["monitor"])
      #expect(verify.object["intact"] as? Bool == true)
      #expect((verify.object["checkpointsChecked"] as? Int ?? 0) >= 1)
    }
  }

  @Test func aRetriedRequestWithTheSameIdempotencyKeyRecordsNothingTwice() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      try await driver.eligible("S-01")
      let headers: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "enrol-S-01-try"]
      let first = try await client.send(
        .post, driver.path("S-01", "enroll"), token: driver.tokens["coordHZ"], json: "{}", headers: headers)
      let count = try await server.eventCount()
      let again = try await client.send(
        .post, driver.path("S-01", "enroll"), token: driver.tokens["coordHZ"], json: "{}", headers: headers)
      #expect(first.status == .created)
      #expect(again.status == .created)
      #expect(again.array.map { $0["sequence"] as? Int } == first.array.map { $0["sequence"] as? Int })
      #expect(try await server.eventCount() == count)
      // Without the key, the same request is a second enrolment, refused by the rules.
      let without = try await client.send(
        .post, driver.path("S-01", "enroll"), token: driver.tokens["coordHZ"], json: "{}")
      #expect(without.status == .conflict)
      // Another user cannot replay someone else's key.
      let other = try await client.send(
        .post, driver.path("S-01", "enroll"), token: driver.tokens["invHZ"], json: "{}", headers: headers)
      #expect(other.status == .conflict)
      #expect(other.object["field"] as? String == "/idempotencyKey")
      // The same user's key on another request is refused too, not answered with the first events.
      let count2 = try await server.eventCount()
      let reused = try await client.send(
        .post, driver.path("S-01", "off-study"), token: driver.tokens["coordHZ"],
        json: #"{"date": "2026-11-20", "reason": "withdrawn"}"#, headers: headers)
      #expect(reused.status == .conflict)
      #expect((reused.object["found"] as? String)?.contains("a different request") == true, "\(reused.text)")
      #expect(try await server.eventCount() == count2)
    }
  }

  @Test func theFourthEnrolmentIntoAThreeSlotCohortIsRefusedAndWritesNothing() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      for id in ["S-01", "S-02", "S-03"] { try await driver.enrol(id) }
      try await driver.eligible("S-04")
      let before = try await server.eventCount()
      let refused = try await client.send(
        .post, driver.path("S-04", "enroll"), token: driver.tokens["coordHZ"], json: "{}")
      #expect(refused.status == .conflict)
      #expect(refused.headers[.contentType] == "application/problem+json")
      #expect((refused.object["detail"] as? String)?.contains("full") == true)
      #expect(try await server.eventCount() == before)
    }
  }

  @Test func badInputIsAProblemNamingTheFieldAndWritesNothing() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      try await driver.eligible("S-01")
      let before = try await server.eventCount()
      let cases: [(String, String, HTTPResponse.Status, String)] = [
        ("consent", #"{"date": "2026-13-40"}"#, .unprocessableContent, "/date"),
        ("consent", #"{"dat": "2026-11-20"}"#, .unprocessableContent, "/dat"),
        ("consent", #"{"date": "#, .badRequest, ""),
        ("infuse", #"{"date": "2026-11-20"}"#, .unprocessableContent, "/weightKg"),
        ("screen", #"{"patient": {}}"#, .unprocessableContent, "/patient/screeningDate"),
      ]
      for (action, body, status, field) in cases {
        let answer = try await client.send(
          .post, driver.path("S-01", action), token: driver.tokens["coordHZ"], json: body)
        #expect(answer.status == status, "\(action) \(body): \(answer.text)")
        #expect(answer.headers[.contentType] == "application/problem+json")
        if !field.isEmpty { #expect(answer.object["field"] as? String == field, "\(answer.text)") }
      }
      let unknownTrial = try await client.send(
        .get, "/api/v1/trials/NCT00000000", token: driver.tokens["admin"])
      #expect(unknownTrial.status == .notFound)
      #expect(try await server.eventCount() == before)
    }
  }
}
