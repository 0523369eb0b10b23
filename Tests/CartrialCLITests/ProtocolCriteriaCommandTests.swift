import Foundation
import Testing

/// `cartrial protocol criteria ID`: every criterion with its computable form and the count.
@Suite struct ProtocolCriteriaCommandTests {
  @Test func listsEveryCriterionWithComputableAndCount() throws {
    let result = try CLIRunner.run(["protocol", "criteria", "NCT05270772", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let listing = try #require(try result.json() as? [String: Any])
    #expect(listing["protocol"] as? String == "NCT05270772")
    let criteria = try #require(listing["criteria"] as? [[String: Any]])
    #expect(criteria.first?["id"] as? String == "AGE")
    let own = criteria.filter { $0["id"] as? String != "AGE" }
    #expect(own.count == listing["total"] as? Int)
    #expect(own.filter { $0["computable"] as? Bool == true }.count == listing["computable"] as? Int)
    let e11 = try #require(criteria.first { $0["id"] as? String == "E11" })
    #expect(e11["computable"] as? Bool == false)
    #expect(e11["attestation"] as? Bool == true)
    let text = try CLIRunner.run(["protocol", "criteria", "NCT05270772"])
    #expect(text.stdout.contains("15 of 16 criteria computable"))
  }

  /// A criterion's `note:` (how its expression reads the text) is loaded and shown in every format.
  @Test func showsTheNoteOfACriterion() throws {
    let result = try CLIRunner.run(["protocol", "criteria", "NCT07470073", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let listing = try #require(try result.json() as? [String: Any])
    let criteria = try #require(listing["criteria"] as? [[String: Any]])
    let e4 = try #require(criteria.first { $0["id"] as? String == "E4" })
    #expect((e4["note"] as? String)?.contains("psoriasis") == true)
    let i1 = try #require(criteria.first { $0["id"] as? String == "I1" })
    #expect(i1["note"] == nil)
    let text = try CLIRunner.run(["protocol", "criteria", "NCT07470073"])
    #expect(text.stdout.contains("      note: Only systemic autoimmune disease excludes"))
    let csv = try CLIRunner.run(["protocol", "criteria", "NCT07470073", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("id,kind,computable,attestation,expression,text,note"))
  }

  /// A criterion's `note:` (how the expression reads the text) is listed with it: on the line after
  /// it in text, as `note` in JSON and CSV; a criterion without one has no `note` key.
  @Test func notesAreShownWithTheirCriterion() throws {
    let text = try CLIRunner.run(["protocol", "criteria", "NCT05270772"]).stdout.split(separator: "\n")
    let i3 = try #require(text.firstIndex { $0.hasPrefix("I3 ") })
    #expect(text[i3 + 1] == "      note: Either scale as measured, at any age: the text has no age switch.")
    let json = try CLIRunner.run(["protocol", "criteria", "NCT05270772", "--format", "json"])
    let listing = try #require(try json.json() as? [String: Any])
    let criteria = try #require(listing["criteria"] as? [[String: Any]])
    #expect(
      (criteria.first { $0["id"] as? String == "I3" }?["note"] as? String)?.hasPrefix("Either scale") == true)
    #expect(criteria.first { $0["id"] as? String == "I1" }?["note"] == nil)
    let csv = try CLIRunner.run(["protocol", "criteria", "NCT05270772", "--format", "csv"]).stdout
    #expect(csv.hasPrefix("id,kind,computable,attestation,expression,text,note\n"))
  }
}
