import Foundation
import Testing

@testable import TrialServer

/// The to-do list: scheduled assessments due, and gone once recorded for their day.
struct TodoPageTests {
  @Test func aScheduledAssessmentIsDueUntilItIsRecordedForItsDay() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      try await driver.enrol("S-01")
      try await driver.infuse(["S-01"])
      try await driver.advance(days: 1)
      func todo() async throws -> String {
        try await client.expect(.ok, .get, "/todo", token: driver.tokens["coordHZ"]).text
      }
      let before = try await todo()
      #expect(before.contains("S-01: CRS and ICANS grading due on day 0"))
      #expect(before.contains("S-01: CRS and ICANS grading due on day 1"))
      #expect(before.contains("S-01: CAR-T cellular kinetics (blood qPCR / flow) due on day 1"))
      try await client.expect(
        .created, .post, driver.path("S-01", "record"), token: driver.tokens["coordHZ"],
        json: #"{"entry": {"day": 1, "crs": {"temperatureCelsius": 37.2}}}"#)
      let after = try await todo()
      #expect(!after.contains("S-01: CRS and ICANS grading due on day 1"))
      #expect(after.contains("S-01: CRS and ICANS grading due on day 0"))
      #expect(after.contains("S-01: CAR-T cellular kinetics (blood qPCR / flow) due on day 1"))
      // Another site's coordinator has nothing of S-01 to do.
      let other = try await client.expect(.ok, .get, "/todo", token: driver.tokens["coordBJ"]).text
      #expect(!other.contains("S-01"))
    }
  }
}
