import DoseFinding
import Foundation
import HTTPTypes
import ProtocolFiles
import TestSupport
import Testing
import Trials

@testable import TrialServer

/// The design routes answer what the application layer answers (the CLI's `table`, `decide` and
/// `oc --json`), and their errors name the field.
@Suite struct DesignAPITests {
  static let base = "/api/v1/protocols/NCT07470073"

  static func design(_ group: String, _ request: DesignRequest = DesignRequest()) throws -> TrialDesign {
    try TrialDesign.resolve(request, protocol: try ProtocolLibrary.load("NCT07470073"), group: group)
  }

  /// A refused request: one of `statuses`, naming `field`.
  static func expectRefused(
    _ client: Client, _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil,
    field: String, statuses: Set<Int> = [422], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let refused = try await client.send(method, path, token: token, json: json)
    let what = "\(method) \(path) \(json ?? ""): \(refused.text)"
    #expect(statuses.contains(refused.status.code), "\(what)", sourceLocation: sourceLocation)
    #expect(refused.object["field"] as? String == field, "\(what)", sourceLocation: sourceLocation)
  }

  @Test func protocolDesignsListEachGroupWithItsDesign() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let answer = try await client.expect(.ok, .get, Self.base, token: tokens["stat"]).object
      let groups = try #require(answer["groups"] as? [[String: Any]])
      #expect(groups.map { $0["id"] as? String } == ["A", "B"])
      let design = try #require(groups[0]["design"] as? [String: Any])
      #expect(sameJSON(design, try jsonObject(DesignHeader(try Self.design("A")))))
      #expect((groups[0]["notes"] as? [String]) == (try Self.design("A").textNotes))
      try await Self.expectRefused(
        client, .get, "/api/v1/protocols/NCT00000000", token: tokens["stat"], field: "/protocol",
        statuses: [404])
    }
  }

  @Test func decisionTableIsTheApplicationLayersWithOverrides() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let plain = try await client.expect(
        .ok, .get, "\(Self.base)/groups/A/decision-table", token: tokens["stat"])
      #expect(sameJSON(plain.json, try jsonObject(try Self.design("A").table())))
      let bigger = try await client.expect(
        .ok, .get, "\(Self.base)/groups/A/decision-table?maxSampleSize=24", token: tokens["coordHZ"])
      #expect(
        sameJSON(bigger.json, try jsonObject(try Self.design("A", DesignRequest(maxSampleSize: 24)).table())))
      #expect(
        (bigger.object["overrides"] as? [[String: Any]])?.first?["setting"] as? String == "maxSampleSize")
      for (query, field) in [
        ("bogus=1", "/bogus"), ("cohortSize=many", "/cohortSize"), ("target=2", "/target"),
      ] {
        let refused = try await client.send(
          .get, "\(Self.base)/groups/A/decision-table?\(query)", token: tokens["stat"])
        #expect(refused.status == .unprocessableContent, "\(query): \(refused.text)")
        #expect(refused.object["field"] as? String == field, "\(query): \(refused.text)")
      }
      let group = try await client.send(.get, "\(Self.base)/groups/Z/decision-table", token: tokens["stat"])
      #expect(group.status == .notFound)
      #expect(group.object["field"] as? String == "/group")
    }
  }

  /// The design's own parameters (the CLI's `--set`, `--ei`, `--skeleton`, `--phi1`…) as
  /// `parameters`: in a body as an object, in a query string as that object's JSON text.
  @Test func designParametersOverrideTheProtocolsAsTheCLIsOptionsDo() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let wider = DesignRequest(parameters: ["equivalenceInterval": .numbers([0.2, 0.4])])
      let query =
        "parameters=" + #"{"equivalenceInterval":[0.2,0.4]}"#.addingPercentEncoding(
          withAllowedCharacters: .alphanumerics)!
      let table = try await client.expect(
        .ok, .get, "\(Self.base)/groups/A/decision-table?\(query)", token: tokens["stat"])
      #expect(sameJSON(table.json, try jsonObject(try Self.design("A", wider).table())))
      #expect(!sameJSON(table.json, try jsonObject(try Self.design("A").table())))
      #expect(
        (table.object["overrides"] as? [[String: Any]])?.contains {
          $0["setting"] as? String == "equivalenceInterval"
        }
          == true)
      let decision = try await client.expect(
        .ok, .post, "\(Self.base)/groups/A/decision", token: tokens["stat"],
        json:
          #"{"counts": [{"level": 1, "patients": 3, "dlts": 1}], "current": 1, "parameters": {"equivalenceInterval": [0.2, 0.4]}}"#
      )
      let direct = try Self.design("A", wider).decide(
        counts: [DoseCounts(), DoseCounts(patients: 3, dlts: 1), DoseCounts(), DoseCounts()], current: 1)
      #expect(sameJSON(decision.json, try jsonObject(direct)))
      let oc = try await client.expect(
        .ok, .post, "\(Self.base)/groups/B/oc", token: tokens["stat"],
        json: #"{"truth": [0.1, 0.3], "parameters": {"equivalenceInterval": [0.2, 0.4]}}"#)
      let exact = try Self.design("B", wider).operatingCharacteristics(truth: [0.1, 0.3], method: .exact)
      #expect(sameJSON(oc.json, try jsonObject(exact)))
      for (body, field) in [
        (#"{"truth": [0.1, 0.3], "parameters": [1]}"#, "/parameters"),
        (
          #"{"truth": [0.1, 0.3], "parameters": {"equivalenceInterval": {"low": 0.2}}}"#,
          "/parameters/equivalenceInterval"
        ),
        (
          #"{"truth": [0.1, 0.3], "parameters": {"equivalenceInterval": [0.35, 0.2]}}"#,
          "/parameters/equivalenceInterval"
        ),
        (#"{"truth": [0.1, 0.3], "parameters": {"target": 0.25}}"#, "/parameters/target"),
      ] {
        try await Self.expectRefused(
          client, .post, "\(Self.base)/groups/B/oc", token: tokens["stat"], json: body, field: field,
          statuses: [409, 422])
      }
    }
  }

  @Test func decisionEqualsTheDesignsDecision() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let answer = try await client.expect(
        .ok, .post, "\(Self.base)/groups/A/decision", token: tokens["monitor"],
        json:
          #"{"counts": [{"level": 1, "patients": 3, "dlts": 1}, {"level": -1, "patients": 0, "dlts": 0}], "current": 1}"#
      )
      let direct = try Self.design("A").decide(
        counts: [DoseCounts(), DoseCounts(patients: 3, dlts: 1), DoseCounts(), DoseCounts()], current: 1)
      #expect(sameJSON(answer.json, try jsonObject(direct)))
      let cases: [(String, String, Int)] = [
        (#"{"counts": [{"level": 9, "patients": 3, "dlts": 0}], "current": 1}"#, "/counts/0/level", 404),
        (#"{"counts": [{"level": 1, "patients": 3, "dlts": 0}]}"#, "/current", 422),
        (#"{"counts": [{"level": 1, "patients": 3, "dlts": 4}], "current": 1}"#, "/counts/1", 422),
        (#"{"counts": [], "current": 1, "colour": "red"}"#, "/colour", 422),
        (#"{"counts": [{"level": 1, "patients": 3}], "current": 1}"#, "/counts/0/dlts", 422),
      ]
      for (body, field, status) in cases {
        let refused = try await client.send(
          .post, "\(Self.base)/groups/A/decision", token: tokens["stat"], json: body)
        #expect(refused.status.code == status, "\(body): \(refused.text)")
        #expect(refused.object["field"] as? String == field, "\(body): \(refused.text)")
      }
    }
  }

  @Test func exactOperatingCharacteristicsAreAnsweredDirectly() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let answer = try await client.expect(
        .ok, .post, "\(Self.base)/groups/B/oc", token: tokens["stat"],
        json: #"{"truth": [0.1, 0.3], "method": "exact"}"#)
      let direct = try Self.design("B").operatingCharacteristics(truth: [0.1, 0.3], method: .exact)
      #expect(sameJSON(answer.json, try jsonObject(direct)))
      let cases: [(String, String)] = [
        (#"{"truth": [0.1]}"#, "/truth"),
        (#"{"truth": [0.1, 1.5]}"#, "/truth/1"),
        (#"{"method": "exact"}"#, "/truth"),
        (#"{"truth": [0.1, 0.3], "method": "guess"}"#, "/method"),
        (#"{"truth": [0.1, 0.3], "method": "exact", "trials": 100}"#, "/trials"),
        (#"{"truth": [0.1, 0.3], "method": "simulation"}"#, "/trials"),
        (#"{"truth": [0.1, 0.3], "method": "simulation", "trials": 1000000000}"#, "/trials"),
        (#"{"truth": [0.1, 0.3], "method": "simulation", "trials": 100, "seed": -1}"#, "/seed"),
        (#"{"truth": [0.1, 0.3], "method": "exact", "maxSampleSize": 60, "cohortSize": 3}"#, "/method"),
      ]
      for (body, field) in cases {
        let refused = try await client.send(
          .post, "\(Self.base)/groups/B/oc", token: tokens["stat"], json: body)
        #expect([409, 422].contains(refused.status.code), "\(body): \(refused.text)")
        #expect(refused.object["field"] as? String == field, "\(body): \(refused.text)")
      }
    }
  }

  @Test func screeningAPatientDocumentStoresNothingAndIsForThoseWhoScreen() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let before = try await server.eventCount()
      let body = #"{"patient": \#(try ExamplePatient.record())}"#
      let answer = try await client.expect(
        .ok, .post, "/api/v1/protocols/NCT05350787/screen", token: tokens["coordBJ"], json: body)
      let results = try #require(answer.object["results"] as? [[String: Any]])
      #expect(results.count == 1)
      #expect(results.first?["protocol"] as? String == "NCT05350787")
      let criteria = results.first?["criteria"] as? [[String: Any]] ?? []
      #expect(criteria.count > 10)
      #expect(try await server.eventCount() == before)
      let refused = try await client.send(
        .post, "/api/v1/protocols/NCT05350787/screen", token: tokens["stat"], json: body)
      #expect(refused.status == .forbidden)
      try await Self.expectRefused(
        client, .post, "/api/v1/protocols/NCT05350787/screen", token: tokens["coordHZ"],
        json: #"{"patient": {"screeningDate": "2026-11-20", "colour": 1}}"#, field: "/patient/colour")
      try await Self.expectRefused(
        client, .post, "/api/v1/protocols/NCT05350787/screen", token: tokens["coordHZ"],
        json: #"{"patient": {}, "screeningDate": "soon"}"#, field: "/screeningDate")
    }
  }
}
