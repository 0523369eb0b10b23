import Foundation
import Testing

/// End-to-end tests of `cartrial oc` against the independent exact reference
/// (Tests/Fixtures/reference/dosefinding/exact_oc_reference.json).
struct OCCommandTests {
  static let scenarioL1 = "0.13,0.28,0.41,0.50,0.60,0.70"

  static func reference(design: String, scenario: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/reference/dosefinding/exact_oc_reference.json")
    let all = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
    return all.first { $0["design"] as? String == design && $0["scenario"] as? String == scenario }!
  }

  @Test func exactI3Plus3MatchesReference() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "i3+3", "--target", "0.3", "--ei", "0.25,0.35", "--truth", Self.scenarioL1,
      "--cohort-size", "3", "--cohorts", "10", "--exact", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json() as! [String: Any]
    let reference = try Self.reference(design: "i3+3", scenario: "L1")
    #expect(json["method"] as? String == "exact")
    let ours = json["selection"] as! [Double]
    let theirs = reference["selection"] as! [Double]
    for (a, b) in zip(ours, theirs) { #expect(abs(a - b) < 1e-9) }
    #expect(abs((json["noSelection"] as! Double) - (reference["noSelection"] as! Double)) < 1e-9)
    for (a, b) in zip(json["meanPatients"] as! [Double], reference["meanPatients"] as! [Double]) {
      #expect(abs(a - b) < 1e-9)
    }
    #expect(json["standardErrors"] == nil)
    for key in ["meanDLTs", "meanSampleSize", "earlyStop", "correctSelection"] {
      #expect(json[key] != nil, "missing \(key)")
    }
  }

  @Test func exactCRMMatchesReference() throws {
    let reference = try Self.reference(design: "crm", scenario: "A")
    let skeleton = (reference["skeleton"] as! [Double]).map { "\($0)" }.joined(separator: ",")
    let result = try CLIRunner.run([
      "oc", "--design", "crm", "--skeleton", skeleton, "--truth", "0.05,0.15,0.30,0.45,0.60",
      "--exact", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json() as! [String: Any]
    for (a, b) in zip(json["selection"] as! [Double], reference["selection"] as! [Double]) {
      #expect(abs(a - b) < 1e-9)
    }
  }

  @Test func simulationHasStandardErrorsAndAgreesWithReference() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "boin", "--truth", Self.scenarioL1, "--simulate", "20000", "--seed", "5",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json() as! [String: Any]
    #expect(json["method"] as? String == "simulation")
    let errors = json["standardErrors"] as! [String: Any]
    let se = errors["selection"] as! [Double]
    let reference = try Self.reference(design: "boin", scenario: "L1")["selection"] as! [Double]
    for (d, (ours, exact)) in zip(json["selection"] as! [Double], reference).enumerated() {
      #expect(abs(ours - exact) <= 4 * se[d] + 1.0 / 20000, "dose \(d + 1)")
    }
    #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
  }

  @Test func severalTruthsGiveOneResultEach() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "3+3", "--truth", "0.1,0.2,0.3", "--truth", "0.3,0.5,0.6", "--exact",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json() as! [[String: Any]]
    #expect(json.count == 2)
    #expect((json[1]["truth"] as! [Double]) == [0.3, 0.5, 0.6])
  }

  @Test func badInputIsRejectedWithAClearMessage() throws {
    let outside = try CLIRunner.run(["oc", "--design", "boin", "--truth", "0.1,0.2,1.3", "--exact"])
    #expect(outside.status != 0)
    #expect(outside.stderr.contains("dose 3 has DLT probability 1.3"))
    let notANumber = try CLIRunner.run(["oc", "--design", "boin", "--truth", "0.1,x", "--exact"])
    #expect(notANumber.status != 0)
    #expect(notANumber.stderr.contains("found 'x' at position 2"))
    let zero = try CLIRunner.run([
      "oc", "--design", "boin", "--truth", "0.1,0.2", "--cohorts", "0", "--exact",
    ])
    #expect(zero.status != 0)
    #expect(zero.stderr.contains("--cohorts"))
    let doses = try CLIRunner.run([
      "oc", "--protocol", "NCT07470073", "--group", "B", "--truth", "0.1,0.2,0.3", "--exact",
    ])
    #expect(doses.status != 0)
    #expect(doses.stderr.contains("expected 2 DLT probabilities, found 3"))
    let both = try CLIRunner.run(["oc", "--design", "boin", "--truth", "0.1,0.2"])
    #expect(both.status != 0)
  }

  @Test func protocolGroupsReportOpeningProbability() throws {
    let result = try CLIRunner.run([
      "oc", "--protocol", "NCT07470073", "--truth", "A=0.05,0.1,0.25,0.4;B=0.1,0.3", "--exact",
      "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try result.json() as! [String: Any]
    let groups = json["groups"] as! [[String: Any]]
    #expect(groups.map { $0["group"] as! String } == ["A", "B"])
    #expect(groups[0]["openingProbability"] as! Double == 1)
    let opening = groups[1]["openingProbability"] as! Double
    #expect(opening > 0 && opening < 1)
    let b = groups[1]["characteristics"] as! [String: Any]
    #expect(
      abs((groups[1]["expectedPatients"] as! Double) - opening * (b["meanSampleSize"] as! Double)) < 1e-9)
    #expect((b["selection"] as! [Double]).count == 2)
  }

  @Test func svgDrawsSelectionAndAllocationBars() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "i3+3", "--truth", "0.05,0.15,0.3,0.45,0.6", "--exact", "--format", "svg",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("<svg"))
    #expect(result.stdout.contains("Selected as MTD"))
    #expect(result.stdout.contains("Share of patients"))
  }
}
