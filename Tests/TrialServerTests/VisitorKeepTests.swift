import Foundation
import HTTPTypes
import Testing
import TrialStore

@testable import TrialServer

/// What a visitor keeps without an account: a saved search told of a newly imported trial that
/// matches it (in the outbox on `/mine`), private notes seen only by their browser, a note shared
/// through an expiring, passcode-protected link, and "forget everything".
@Suite struct VisitorKeepTests {
  static let universal = RegistryFinderTests.records[4]  // NCT07470073: universal CAR-T, CD19/CD20
  static let other = RegistryFinderTests.records[2]  // NCT04825496

  func importRecord(_ url: URL, _ client: Client, admin: String) async throws {
    try await client.expect(
      .created, .post, "/api/v1/registry", token: admin, json: try String(contentsOf: url, encoding: .utf8))
  }

  static func cookie(_ key: String?) -> HTTPFields {
    var fields = HTTPFields()
    if let key { fields[.cookie] = "cartrial_keep=\(key)" }
    return fields
  }

  /// The keep cookie a response sets.
  func key(_ answer: Client.Answer) throws -> String {
    let header = try #require(
      answer.headers[values: HTTPField.Name.setCookie].first { $0.hasPrefix("cartrial_keep=") })
    #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict"))
    return String(header.dropFirst("cartrial_keep=".count).prefix { $0 != ";" })
  }

  func get(_ client: Client, _ path: String, key: String?) async throws -> Client.Answer {
    try await client.send(.get, path, headers: Self.cookie(key))
  }

  func post(_ client: Client, _ path: String, key: String?, form: String = "") async throws -> Client.Answer {
    try await client.send(
      .post, path, form: form, headers: Self.cookie(key))
  }

  @Test func aSavedSearchIsToldOfANewMatchingTrialAndOnlyItsBrowserSeesIt() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let saved = try await post(
        client, "/mine/searches?q=universal+cd20&status=RECRUITING", key: String?.none)
      #expect(saved.status == .seeOther)
      let key = try key(saved)
      let mine = try await get(client, "/mine", key: key)
      #expect(
        mine.text.contains("&quot;universal cd20&quot;, RECRUITING")
          || mine.text.contains("\"universal cd20\", RECRUITING"))
      #expect(mine.text.contains("No notice."))
      // A record that does not match: no notice; then the one that does.
      try await importRecord(Self.other, client, admin: tokens["admin"]!)
      #expect(try await get(client, "/mine", key: key).text.contains("No notice."))
      try await importRecord(Self.universal, client, admin: tokens["admin"]!)
      let told = try await get(client, "/mine", key: key).text
      #expect(told.contains("New trial for your search") && told.contains("NCT07470073"))
      #expect(!told.contains("NCT04825496"))
      // Another browser, and a made-up key, see nothing of it.
      let stranger = try await get(client, "/mine", key: String(repeating: "a", count: 64)).text
      #expect(stranger.contains("id=\"mine-empty\"") && !stranger.contains("NCT07470073"))
      #expect(try await get(client, "/mine", key: String?.none).text.contains("id=\"mine-empty\""))
      // The store keeps the key's fingerprint, never the key.
      let outbox = try await server.store.personalRecords(
        kind: VisitorRecords.outboxKind, scope: VisitorDesk.keep(ofKey: key), at: server.clock.now)
      #expect(outbox.count == 1)
      let searches = try await server.store.personalRecords(
        kind: VisitorRecords.searchKind, scope: VisitorRecords.searchScope, at: server.clock.now)
      #expect(searches.count == 1 && !String(decoding: searches[0].bytes, as: UTF8.self).contains(key))
      // Deleting the search deletes its notices.
      let id = try #require(told.firstMatch(of: /action="\/mine\/searches\/([0-9a-f-]+)\/delete"/)?.1)
      #expect(
        try await post(client, "/mine/searches/\(id)/delete", key: String(repeating: "b", count: 64)).status
          == .notFound)
      #expect(try await post(client, "/mine/searches/\(id)/delete", key: key).status == .seeOther)
      #expect(try await get(client, "/mine", key: key).text.contains("id=\"mine-empty\""))
      // A bad query saves nothing.
      #expect(try await post(client, "/mine/searches?age=old", key: key).status == .unprocessableContent)
      #expect(try await get(client, "/mine", key: key).text.contains("id=\"mine-empty\""))
    }
  }

  @Test func aPrivateNoteIsSeenOnlyByItsBrowserAndSharedBehindAPasscodeUntilItsLinkExpires() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(Self.universal, client, admin: tokens["admin"]!)
      let kept = try await post(
        client, "/mine/notes", key: String?.none, form: "nct=NCT07470073&text=Ask+about+the+CD20+arm")
      #expect(kept.status == .seeOther && kept.headers[.location] == "/registry/NCT07470073#notes")
      let key = try key(kept)
      #expect(
        try await get(client, "/registry/NCT07470073", key: key).text.contains("Ask about the CD20 arm"))
      #expect(
        !(try await get(client, "/registry/NCT07470073", key: String?.none).text.contains(
          "Ask about the CD20 arm")))
      #expect(
        try await post(client, "/mine/notes", key: key, form: "nct=NCT07470073&text=+").status
          == .unprocessableContent)
      #expect(
        try await post(client, "/mine/notes", key: key, form: "nct=NCT99999999&text=x").status == .notFound)

      let mine = try await get(client, "/mine", key: key).text
      let note = try #require(mine.firstMatch(of: /action="\/mine\/notes\/([0-9a-f-]+)\/share"/)?.1)
      let short = try await post(client, "/mine/notes/\(note)/share", key: key, form: "passcode=12345&days=7")
      #expect(short.status == .unprocessableContent && short.text.contains("at least 6 characters"))
      #expect(
        try await post(client, "/mine/notes/\(note)/share", key: key, form: "passcode=123456&days=31").status
          == .unprocessableContent)
      let shared = try await post(
        client, "/mine/notes/\(note)/share", key: key, form: "passcode=tulip-42&days=2")
      #expect(shared.status == .ok)
      let link = try #require(shared.text.firstMatch(of: /href="(\/note\/[0-9a-f]{64})"/)?.1)
      // The passcode is kept only as a bcrypt hash.
      let shares = try await server.store.personalRecords(
        kind: VisitorRecords.shareKind, scope: VisitorRecords.shareScope, at: server.clock.now)
      #expect(shares.count == 1 && !String(decoding: shares[0].bytes, as: UTF8.self).contains("tulip-42"))
      #expect(try await client.send(.get, String(link)).text.contains("id=\"form-shared\""))
      let wrong = try await client.send(.post, String(link), form: "passcode=tulip-43")
      #expect(wrong.status == .forbidden && !wrong.text.contains("CD20 arm"))
      let right = try await client.send(.post, String(link), form: "passcode=tulip-42")
      #expect(right.status == .ok && right.text.contains("Ask about the CD20 arm"))
      // Another keep can neither share nor delete the note.
      let other = String(repeating: "c", count: 64)
      #expect(
        try await post(client, "/mine/notes/\(note)/share", key: other, form: "passcode=tulip-42&days=2")
          .status
          == .notFound)
      #expect(try await post(client, "/mine/notes/\(note)/delete", key: other).status == .notFound)
      // Two days later the link is gone; the note stays.
      server.clock.advance(seconds: 2 * 86_400 + 1)
      #expect(try await client.send(.post, String(link), form: "passcode=tulip-42").status == .notFound)
      #expect(try await get(client, "/mine", key: key).text.contains("Ask about the CD20 arm"))
      // Forgetting erases everything and clears the cookie.
      let forgot = try await post(client, "/mine/forget", key: key)
      #expect(forgot.status == .seeOther)
      #expect(
        forgot.headers[values: HTTPField.Name.setCookie].contains {
          $0.hasPrefix("cartrial_keep=;") && $0.contains("Max-Age=0")
        })
      #expect(try await get(client, "/mine", key: key).text.contains("id=\"mine-empty\""))
      #expect(
        try await server.store.personalRecords(
          kind: VisitorRecords.noteKind, scope: VisitorDesk.keep(ofKey: key), at: server.clock.now
        ).isEmpty)
    }
  }

  @Test func fiveWrongPasscodesEraseALinkAndAnotherSitesFormsAreRefused() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(Self.universal, client, admin: tokens["admin"]!)
      // A form on another site's page: refused, and no keep is made for the browser.
      var crossSite = HTTPFields()
      crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
      let forged = try await client.send(
        .post, "/mine/notes", form: "nct=NCT07470073&text=planted", headers: crossSite)
      #expect(
        forged.status == .forbidden
          && !forged.headers[values: HTTPField.Name.setCookie].contains { $0.hasPrefix("cartrial_keep") })
      var origin = HTTPFields()
      origin[.origin] = "https://evil.example"
      #expect(try await client.send(.post, "/mine/searches?q=x", headers: origin).status == .forbidden)
      var sameSite = HTTPFields()
      sameSite[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
      let key = try key(
        try await client.send(.post, "/mine/notes", form: "nct=NCT07470073&text=mine", headers: sameSite))
      let mine = try await get(client, "/mine", key: key).text
      let note = try #require(mine.firstMatch(of: /action="\/mine\/notes\/([0-9a-f-]+)\/share"/)?.1)
      let shared = try await post(
        client, "/mine/notes/\(note)/share", key: key, form: "passcode=right-one&days=3")
      let link = String(try #require(shared.text.firstMatch(of: /href="(\/note\/[0-9a-f]{64})"/)?.1))
      for n in 1...5 {
        let wrong = try await client.send(.post, link, form: "passcode=wrong-\(n)")
        #expect(wrong.status == .forbidden, "try \(n)")
      }
      // Erased at the fifth: even the right passcode finds nothing now.
      #expect(try await client.send(.post, link, form: "passcode=right-one").status == .notFound)
      // At most five links to a note at a time.
      for _ in 1...5 {
        #expect(
          try await post(client, "/mine/notes/\(note)/share", key: key, form: "passcode=right-one&days=3")
            .status
            == .ok)
      }
      #expect(
        try await post(client, "/mine/notes/\(note)/share", key: key, form: "passcode=right-one&days=3")
          .status
          == .unprocessableContent)
    }
  }

  @Test func whatAVisitorKeepsIsErasedWhenItsRetentionEnds() async throws {
    let server = try await ServerHarness.make(sqlite: true)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await importRecord(Self.universal, client, admin: tokens["admin"]!)
      let key = try key(
        try await post(client, "/mine/notes", key: String?.none, form: "nct=NCT07470073&text=keep+me"))
      server.clock.advance(seconds: 179 * 86_400)
      #expect(try await get(client, "/mine", key: key).text.contains("keep me"))
      server.clock.advance(seconds: 86_400)
      #expect(!(try await get(client, "/mine", key: key).text.contains("keep me")))
      #expect(try await server.store.deleteExpiredPersonalRecords(at: server.clock.now) == 0)
    }
  }
}
