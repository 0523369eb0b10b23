import Foundation
import HTTPTypes
import Testing
import TrialConduct
import TrialStore

@testable import TrialServer

/// Contact requests: a visitor sends one from a record's page to a site conducting the trial on
/// this server; only that site's coordinators and investigators read it; bad input keeps nothing;
/// erasing is audited; the retention period erases it anyway.
@Suite struct ContactRequestTests {
  static let record = RegistryFinderTests.records[1]  // NCT05350787, the harness's trial

  func importRecord(_ client: Client, admin: String) async throws {
    let text = try String(contentsOf: Self.record, encoding: .utf8)
    try await client.expect(.created, .post, "/api/v1/registry", token: admin, json: text)
  }

  static let valid =
    "site=HZ&name=Li+Wei&contact=%2B86+571+8723+6666&message=Please+call+after+5pm&consent=yes"

  func personal(_ server: ServerHarness, site: String) async throws -> [PersonalRecord] {
    try await server.store.personalRecords(kind: ContactDesk.kind, scope: site, at: server.clock.now)
  }

  @Test func aRequestReachesOnlyTheChosenSitesStaff() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(client, admin: tokens["admin"]!)
      let form = try await client.send(.get, "/registry/\(ServerHarness.trial)/contact")
      #expect(form.status == .ok)
      #expect(form.text.contains("value=\"HZ\"") && form.text.contains("value=\"BJ\""))
      let before = try await server.accountEventCount()
      let sent = try await client.send(.post, "/registry/\(ServerHarness.trial)/contact", form: Self.valid)
      #expect(sent.status == .ok, "\(sent.text)")
      #expect(sent.text.contains("id=\"contact-sent\""))
      #expect(try await personal(server, site: "HZ").count == 1)
      #expect(try await personal(server, site: "BJ").isEmpty)
      // The accounts log records the arrival, not the person.
      let events = try await server.store.events(trial: AccountBook.logID, from: before + 1)
      #expect(events.map(\.kind) == ["contactRequestReceived"])
      let logged = String(decoding: events[0].bytes, as: UTF8.self)
      #expect(!logged.contains("Li Wei") && !logged.contains("8723") && logged.contains("HZ"))
      for reader in ["coordHZ", "invHZ"] {
        let inbox = try await client.send(.get, "/inbox", token: tokens[reader])
        #expect(inbox.status == .ok, "\(reader): \(inbox.text)")
        #expect(inbox.text.contains("Li Wei") && inbox.text.contains("+86 571 8723 6666"), "\(reader)")
      }
      for other in ["coordBJ", "invBJ"] {
        let inbox = try await client.send(.get, "/inbox", token: tokens[other])
        #expect(inbox.status == .ok)
        #expect(!inbox.text.contains("Li Wei"), "\(other) sees another site's request")
      }
      for sponsorWide in ["admin", "monitor", "reviewer", "stat"] {
        let inbox = try await client.send(.get, "/inbox", token: tokens[sponsorWide])
        #expect(inbox.status == .forbidden, "\(sponsorWide): \(inbox.status)")
      }
      #expect(try await client.send(.get, "/inbox").status == .seeOther)  // to the sign-in page
    }
  }

  @Test func badInputIsRefusedByFieldAndKeepsNothing() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(client, admin: tokens["admin"]!)
      let before = try await server.accountEventCount()
      let cases: [(form: String, field: String)] = [
        (Self.valid.replacingOccurrences(of: "&consent=yes", with: ""), "consent"),
        (Self.valid.replacingOccurrences(of: "%2B86+571+8723+6666", with: "call+me"), "contact"),
        (Self.valid.replacingOccurrences(of: "name=Li+Wei", with: "name=+"), "name"),
        (Self.valid.replacingOccurrences(of: "site=HZ", with: "site=XX"), "site"),
        (
          Self.valid.replacingOccurrences(
            of: "Please+call+after+5pm", with: String(repeating: "a", count: 2001)), "message"
        ),
      ]
      for c in cases {
        let answer = try await client.send(.post, "/registry/\(ServerHarness.trial)/contact", form: c.form)
        #expect(answer.status == .unprocessableContent, "\(c.field): \(answer.status)")
        #expect(answer.text.contains("\(c.field):"), "\(c.field): \(answer.text)")
      }
      #expect(try await personal(server, site: "HZ").isEmpty)
      #expect(try await server.accountEventCount() == before)
      // A record no trial of this server conducts has no form, and a post to it is refused.
      let other = try String(contentsOf: RegistryFinderTests.records[0], encoding: .utf8)
      try await client.expect(.created, .post, "/api/v1/registry", token: tokens["admin"], json: other)
      let none = try await client.send(.get, "/registry/NCT05164042/contact")
      #expect(none.text.contains("id=\"contact-none\"") && !none.text.contains("id=\"form-contact\""))
      let refused = try await client.send(.post, "/registry/NCT05164042/contact", form: Self.valid)
      #expect(refused.status == .notFound)
      #expect(try await client.send(.get, "/registry/NCT09999999/contact").status == .notFound)
    }
  }

  @Test func erasingIsTheSitesAloneAndAudited() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(client, admin: tokens["admin"]!)
      try await client.send(.post, "/registry/\(ServerHarness.trial)/contact", form: Self.valid)
      let id = try #require(try await personal(server, site: "HZ").first?.id)
      let other = try await client.send(
        .post, "/inbox/\(id)/erase", token: tokens["coordBJ"], form: "reason=x")
      #expect(other.status == .notFound)
      let noReason = try await client.send(
        .post, "/inbox/\(id)/erase", token: tokens["coordHZ"], form: "reason=")
      #expect(noReason.status == .unprocessableContent && noReason.text.contains("reason:"))
      #expect(try await personal(server, site: "HZ").count == 1)
      let before = try await server.accountEventCount()
      let erased = try await client.send(
        .post, "/inbox/\(id)/erase", token: tokens["coordHZ"], form: "reason=called+back")
      #expect(erased.status == .seeOther || erased.status == .found, "\(erased.status)")
      #expect(try await personal(server, site: "HZ").isEmpty)
      let events = try await server.store.events(trial: AccountBook.logID, from: before + 1)
      let event = try EventCoding.decoder().decode(AccountEvent.self, from: Data(events[0].bytes))
      #expect(event.by == "coordHZ" && event.reason == "called back")
      #expect(event.change == .contactRequestDeleted(id: id, site: "HZ"))
    }
  }

  @Test func theRetentionPeriodErasesARequest() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(client, admin: tokens["admin"]!)
      try await client.send(.post, "/registry/\(ServerHarness.trial)/contact", form: Self.valid)
      _ = tokens
      let password = ServerHarness.password("coordHZ")
      server.clock.advance(seconds: 89 * 86_400)
      let late = try await client.signIn("coordHZ", password)  // sessions expired long ago
      #expect(try await client.send(.get, "/inbox", token: late).text.contains("Li Wei"))
      server.clock.advance(seconds: 86_400)
      let after = try await client.signIn("coordHZ", password)
      let inbox = try await client.send(.get, "/inbox", token: after)
      #expect(inbox.status == .ok && inbox.text.contains("No contact request."))
      // Erased from the table, not only hidden.
      #expect(try await server.store.deleteExpiredPersonalRecords(at: server.clock.now) == 0)
      #expect(
        try await server.store.personalRecords(
          kind: ContactDesk.kind, scope: "HZ", at: Date(timeIntervalSince1970: 0)
        ).isEmpty)
    }
  }
}
