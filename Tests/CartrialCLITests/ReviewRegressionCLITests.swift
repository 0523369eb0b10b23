import Foundation
import Testing

/// Command-line findings of the issue 10 review: options that were silently ignored.
@Suite struct ReviewRegressionCLITests {
  @Test func observationFlagsBesideAnInputFileAreRefused() throws {
    let result = try CLIRunner.run([
      "grade", "icans", "--input", "Examples/observations/icans.json", "--ice", "2", "--consciousness",
      "unarousable",
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("not both, found --input with --ice, --consciousness"), "\(result.stderr)")
    let flow = try CLIRunner.run(["grade", "crs", "--temperature", "39", "--flow", "3"])
    #expect(flow.status != 0)
    #expect(flow.stderr.contains("--flow: expected with --oxygen nasalCannula"))
  }

  @Test func commonSettingsAreNotDesignParameters() throws {
    let result = try CLIRunner.run([
      "decide", "--design", "i3+3", "--target", "0.3", "--current", "1", "--counts", "3/0", "--set",
      "target=0.2",
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "--set target: expected a design parameter, found target, which is given as --target"))
  }

  @Test func exactHasNoSeed() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "boin", "--target", "0.3", "--truth", "0.1,0.2", "--exact", "--seed", "3",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--seed"))
  }

  @Test func groupedCharacteristicsUseOneMeaningOfDesign() throws {
    let result = try CLIRunner.run([
      "oc", "--protocol", "NCT07470073", "--truth", "A=0.05,0.1,0.25,0.4;B=0.1,0.3", "--exact", "--format",
      "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.count == 2)
    for group in groups {
      #expect(group["design"] as? String == "i3+3")
      let characteristics = try #require(group["characteristics"] as? [String: Any])
      #expect(characteristics["design"] == nil)
      #expect((characteristics["variant"] as? String)?.hasPrefix("i3+3 (Liu, Wang & Ji 2020") == true)
    }
    let b = groups[1]
    let assumptions = try #require(b["assumptions"] as? [[String: Any]])
    #expect(assumptions.contains { $0["setting"] as? String == "opensWhen" })
  }
}
