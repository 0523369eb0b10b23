import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import TrialServer

/// Drives a trial through the API as its people would: screening, attestation, consent,
/// enrolment, lymphodepletion, infusion, assessments and adjudication, on the test clock.
final class TrialDriver: @unchecked Sendable {
  let server: ServerHarness
  let client: Client
  private let lock = NSLock()
  private var signedIn: [String: String]
  let trial = ServerHarness.trial

  init(server: ServerHarness, client: Client, tokens: [String: String]) {
    self.server = server
    self.client = client
    self.signedIn = tokens
  }

  /// The users' session tokens (renewed when the clock moves past a session's lifetime).
  var tokens: [String: String] { lock.withLock { signedIn } }

  /// Moves the clock on `days` days and signs everyone in again (sessions last 8 hours).
  func advance(days: Int) async throws {
    server.clock.advance(seconds: Double(days) * 86_400)
    var renewed: [String: String] = [:]
    for name in ["admin"] + ServerHarness.people.map(\.name) {
      renewed[name] = try await client.signIn(name, ServerHarness.password(name))
    }
    lock.withLock { signedIn = renewed }
  }

  var today: String { server.app.ledger.today.description }

  func path(_ subject: String, _ action: String) -> String {
    "/api/v1/trials/\(trial)/subjects/\(subject)/\(action)"
  }

  /// Screened at `site` by its coordinator, every attestation given by its investigator, consent today.
  func eligible(_ subject: String, site: String = "HZ") async throws {
    let (coordinator, investigator) = (tokens["coord\(site)"], tokens["inv\(site)"])
    try await client.expect(
      .created, .post, path(subject, "screen"), token: coordinator,
      json: #"{"site": "\#(site)", "patient": \#(try ExamplePatient.record())}"#)
    let shown = try await client.expect(
      .ok, .get, "/api/v1/trials/\(trial)/subjects/\(subject)", token: investigator)
    let pending = try #require(shown.object["pendingAttestations"] as? [String])
    if !pending.isEmpty {
      let list = pending.map { "\"\($0)\"" }.joined(separator: ", ")
      try await client.expect(
        .created, .post, path(subject, "attest"), token: investigator, json: #"{"criteria": [\#(list)]}"#)
    }
    try await client.expect(
      .created, .post, path(subject, "consent"), token: coordinator, json: #"{"date": "\#(today)"}"#)
  }

  func enrol(_ subject: String, site: String = "HZ") async throws {
    try await eligible(subject, site: site)
    try await client.expect(
      .created, .post, path(subject, "enroll"), token: tokens["coord\(site)"], json: "{}")
  }

  /// Flu/Cy today, infusion five days later (the clock moves on).
  func infuse(_ subjects: [String], site: String = "HZ") async throws {
    for s in subjects {
      try await client.expect(
        .created, .post, path(s, "lymphodeplete"), token: tokens["coord\(site)"],
        json:
          #"{"date": "\#(today)", "agents": ["fludarabine=30x3", "cyclophosphamide=300x3"], "bodySurfaceAreaM2": 1.7}"#
      )
    }
    try await advance(days: 5)
    for s in subjects {
      try await client.expect(
        .created, .post, path(s, "infuse"), token: tokens["coord\(site)"],
        json: #"{"date": "\#(today)", "weightKg": 58}"#)
    }
  }

  /// A cohort of three at HZ: the first with a grade 4 CRS (a DLT), the others grade 1, all
  /// adjudicated after the 28-day window, so the design's recommendation is due.
  func cohortWithOneDLT(_ ids: [String]) async throws {
    for id in ids { try await enrol(id) }
    try await infuse(ids)
    try await advance(days: 3)
    for (i, id) in ids.enumerated() {
      try await client.expect(
        .created, .post, path(id, "record"), token: tokens["coordHZ"],
        json: #"{"entry": {"day": 3, "crsGrade": \#(i == 0 ? 4 : 1)}}"#)
    }
    try await advance(days: 28)
    for (i, id) in ids.enumerated() {
      try await client.expect(
        .created, .post, path(id, "adjudicate"), token: tokens["invHZ"],
        json: #"{"outcome": "\#(i == 0 ? "dlt" : "noDlt")"}"#)
    }
  }

  func overview() async throws -> [String: Any] {
    try await client.expect(.ok, .get, "/api/v1/trials/\(trial)", token: tokens["admin"]).object
  }
}
