import Foundation
import TestSupport
import Testing

/// End-to-end tests of `cartrial oc` against the independent exact reference
/// (Tests/Fixtures/reference/dosefinding/exact_oc_reference.json).
struct OCCommandTests {
  static let scenarioL1 = "0.13,0.28,0.41,0.50,0.60,0.70"

  /// A number of the JSON output; records an issue (and returns NaN) when it is missing.
  static func number(_ json: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> Double
  {
    guard let value = json[key] as? Double else {
      Issue.record("no number \(key) in the output", sourceLocation: sourceLocation)
      return .nan
    }
    return value
  }

  /// An array of numbers of the JSON output (empty when missing, which the comparisons reject).
  static func numbers(_ json: [String: Any], _ key: String) -> [Double] {
    json[key] as? [Double] ?? []
  }

  @Test func exactI3Plus3MatchesReference() throws {
    let result = try CLIRunner.run([
      "oc", "--design", "i3+3", "--target", "0.3", "--ei", "0.25,0.35", "--truth", Self.scenarioL1,
      "--cohort-size", "3", "--cohorts", "10", "--exact", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let reference = try ExactOCReference.entry(design: "i3+3", scenario: "L1")
    #expect(json["method"] as? String == "exact")
    #expect(Self.numbers(json, "truth") == reference.truth)
    expectClose(Self.numbers(json, "selection"), reference.selection, absolute: 1e-9, "selection")
    expectClose(Self.number(json, "noSelection"), try #require(reference.noSelection), absolute: 1e-9, "none")
    expectClose(Self.numbers(json, "meanPatients"), reference.meanPatients, absolute: 1e-9, "patients")
    #expect(json["standardErrors"] == nil)
    // Figures the reference implies: the expected sample size is Σ E[n_d]; each patient at dose d
    // has a DLT with probability p_d whatever came before, so E[DLTs at d] = p_d·E[n_d]; the true
    // MTD is dose 2 (p = 0.28, closest to 0.3), so correct selection is P(select 2) and selection
    // above the MTD is P(select 3…6).
    let patients = reference.meanPatients
    expectClose(Self.number(json, "meanSampleSize"), patients.reduce(0, +), absolute: 1e-9, "sample size")
    let dlts = zip(reference.truth, patients).map { $0 * $1 }
    expectClose(Self.numbers(json, "meanDLTs"), dlts, absolute: 1e-9, "DLTs per dose")
    expectClose(Self.number(json, "meanTotalDLTs"), dlts.reduce(0, +), absolute: 1e-9, "DLTs")
    #expect(json["trueMTD"] as? Int == 2)
    expectClose(Self.number(json, "correctSelection"), reference.selection[1], absolute: 1e-9, "correct")
    expectClose(
      Self.number(json, "selectionAboveMTD"), reference.selection[2...].reduce(0, +), absolute: 1e-9,
      "above MTD")
    // Early stop is P(N < 30), N being the sample size whose distribution the output lists.
    let sizes = try #require(json["sampleSizeDistribution"] as? [[String: Any]])
    let size = sizes.map {
      (patients: $0["patients"] as? Int ?? -1, probability: $0["probability"] as? Double ?? .nan)
    }
    expectClose(size.map(\.probability).reduce(0, +), 1, absolute: 1e-9, "P(N) total")
    expectClose(
      size.map { Double($0.patients) * $0.probability }.reduce(0, +), patients.reduce(0, +), absolute: 1e-9,
      "E[N] from P(N)")
    expectClose(
      Self.number(json, "earlyStop"), size.filter { $0.patients < 30 }.map(\.probability).reduce(0, +),
      absolute: 1e-9, "early stop")
  }

  @Test func exactCRMMatchesReference() throws {
    let reference = try ExactOCReference.entry(design: "crm", scenario: "A")
    let skeleton = try #require(reference.skeleton).map { "\($0)" }.joined(separator: ",")
    let result = try CLIRunner.run([
      "oc", "--design", "crm", "--skeleton", skeleton, "--truth", "0.05,0.15,0.30,0.45,0.60",
      "--exact", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    #expect(Self.numbers(json, "truth") == reference.truth)
    expectClose(Self.numbers(json, "selection"), reference.selection, absolute: 1e-9, "selection")
    expectClose(Self.numbers(json, "meanPatients"), reference.meanPatients, absolute: 1e-9, "patients")
    expectClose(Self.number(json, "meanTotalDLTs"), try #require(reference.meanDLTs), absolute: 1e-9, "DLTs")
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
    let reference = try ExactOCReference.entry(design: "boin", scenario: "L1").selection
    #expect(se.count == reference.count)
    for (d, (ours, exact)) in checkedZip(Self.numbers(json, "selection"), reference).enumerated() {
      #expect(abs(ours - exact) <= 4 * se[d] + 1.0 / 20000, "dose \(d + 1)")
    }
    #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
  }

  /// Conditional OC from the counts after the first cohort, mixed over that cohort's binomial
  /// outcomes, give the unconditional OC back (law of total probability, to 1e-9 after JSON).
  @Test func conditionalOCFromCountsAddUpToTheUnconditionalOnes() throws {
    let truth = "0.1,0.2,0.3,0.5"
    let base = ["oc", "--design", "boin", "--truth", truth, "--max-n", "24", "--exact", "--format", "json"]
    let whole = try #require(try CLIRunner.run(base).json() as? [String: Any])
    var mixed = [Double](repeating: 0, count: 4)
    var remaining = 0.0
    for y in 0...3 {
      let run = try CLIRunner.run(base + ["--from-counts", "3/\(y)", "--current", "1"])
      #expect(run.status == 0, "\(run.stderr)")
      let answer = try #require(try run.json() as? [String: Any])
      let oc = try #require(answer["characteristics"] as? [String: Any])
      let state = try #require(answer["fromState"] as? [String: Any])
      #expect(state["treatedPatients"] as? Int == 3 && state["observedDLTs"] as? Int == y)
      let weight = Double([1, 3, 3, 1][y]) * pow(0.1, Double(y)) * pow(0.9, Double(3 - y))
      for (d, p) in Self.numbers(oc, "selection").enumerated() { mixed[d] += weight * p }
      remaining += weight * (Self.number(state, "remainingPatients") + 3)
    }
    for (d, p) in Self.numbers(whole, "selection").enumerated() {
      #expect(abs(mixed[d] - p) <= 1e-9, "dose \(d + 1)")
    }
    #expect(abs(remaining - Self.number(whole, "meanSampleSize")) <= 1e-9)
    let text = try CLIRunner.run([
      "oc", "--design", "boin", "--truth", truth, "--max-n", "24", "--exact",
      "--from-counts", "3/0,3/1", "--current", "2",
    ])
    #expect(
      text.stdout.hasPrefix(
        "From the trial's state: 6 patients treated, 1 DLT; expected still to come: 18.00 patients"))
    let simulated = try CLIRunner.run(
      base.dropLast(3) + ["--simulate", "100", "--from-counts", "3/0", "--current", "1"])
    #expect(simulated.status != 0 && simulated.stderr.contains("--from-counts: expected with --exact"))
    let bad = try CLIRunner.run(base + ["--from-counts", "3/0,3/5", "--current", "2"])
    #expect(bad.status != 0 && bad.stderr.contains("--from-counts entry 2"))
    let noCurrent = try CLIRunner.run(base + ["--from-counts", "3/0"])
    #expect(noCurrent.status != 0 && noCurrent.stderr.contains("--current"))
  }

  /// Posterior predictive OC from the CLI: probabilities add to 1, the truth column is today's
  /// posterior means (Beta(1, 1) after 3/0 and 3/1: 1/5 and 2/5), the trial's counts are kept.
  @Test func predictiveOCFromCountsUseThePosteriorMeans() throws {
    let run = try CLIRunner.run([
      "oc", "--design", "boin", "--exact", "--predictive", "--max-n", "24", "--from-counts", "3/0,3/1",
      "--current", "2", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let answer = try #require(try run.json() as? [String: Any])
    let oc = try #require(answer["characteristics"] as? [String: Any])
    expectClose(Self.numbers(oc, "truth"), [0.2, 0.4], absolute: 1e-12, "posterior means")
    let total = Self.numbers(oc, "selection").reduce(0, +) + Self.number(oc, "noSelection")
    #expect(abs(total - 1) <= 1e-12)
    #expect(Self.number(oc, "meanSampleSize") >= 6 && Self.number(oc, "meanSampleSize") <= 24)
    let beta = try CLIRunner.run([
      "oc", "--design", "boin", "--exact", "--predictive", "--prior", "0.5,0.5", "--max-n", "12",
      "--from-counts", "3/0",
      "--current", "1", "--format", "json",
    ])
    let jeffreys = try #require((try beta.json() as? [String: Any])?["characteristics"] as? [String: Any])
    expectClose(Self.numbers(jeffreys, "truth"), [0.5 / 4], absolute: 1e-12, "Jeffreys posterior mean")
    let refused = try CLIRunner.run(["oc", "--design", "boin", "--exact", "--predictive", "--max-n", "12"])
    #expect(
      refused.status != 0 && refused.stderr.contains("--predictive: expected --protocol or --from-counts"))
    let badPrior = try CLIRunner.run([
      "oc", "--design", "boin", "--exact", "--predictive", "--prior", "0,1", "--from-counts", "3/0",
      "--current", "1",
    ])
    #expect(badPrior.status != 0 && badPrior.stderr.contains("--prior"))
    let withTruth = try CLIRunner.run([
      "oc", "--design", "boin", "--exact", "--predictive", "--truth", "0.1", "--from-counts", "3/0",
      "--current", "1",
    ])
    #expect(withTruth.status != 0 && withTruth.stderr.contains("--predictive"))
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
    #expect(
      outside.stderr.contains(
        "--truth '0.1,0.2,1.3' entry 3: expected a DLT probability in [0, 1], found 1.3"))
    let notANumber = try CLIRunner.run(["oc", "--design", "boin", "--truth", "0.1,x", "--exact"])
    #expect(notANumber.status != 0)
    #expect(notANumber.stderr.contains("--truth '0.1,x' entry 2: expected a number, found 'x'"))
    let zero = try CLIRunner.run([
      "oc", "--design", "boin", "--truth", "0.1,0.2", "--cohorts", "0", "--exact",
    ])
    #expect(zero.status != 0)
    #expect(zero.stderr.contains("--cohorts"))
    let doses = try CLIRunner.run([
      "oc", "--protocol", "NCT07470073", "--group", "B", "--truth", "0.1,0.2,0.3", "--exact",
    ])
    #expect(doses.status != 0)
    #expect(doses.stderr.contains("expected 2 DLT probabilities, one per dose level (1, 2), found 3"))
    let both = try CLIRunner.run(["oc", "--design", "boin", "--truth", "0.1,0.2"])
    #expect(both.status != 0)
  }

  /// Issue 10: group A's levels are −1, 1, 2, 3, so the true MTD of 0.05, 0.1, 0.25, 0.4 at target
  /// 0.3 is level 2 (the third dose), not "level 3".
  @Test func protocolLevelsNameEveryDose() throws {
    let arguments = [
      "oc", "--protocol", "NCT07470073", "--group", "A", "--truth", "0.05,0.1,0.25,0.4", "--exact",
    ]
    let json = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(try json.json() as? [String: Any])
    #expect(object["trueMTD"] as? Int == 2)
    #expect(object["levels"] as? [Int] == [-1, 1, 2, 3])
    #expect(object["design"] as? String == "i3+3")
    #expect(object["source"] as? String == "NCT07470073 group A")
    #expect(object["protocol"] as? String == "NCT07470073")
    #expect(object["group"] as? String == "A")
    let assumptions = try #require(object["assumptions"] as? [[String: Any]])
    let target = try #require(assumptions.first { $0["setting"] as? String == "target" })
    #expect(target["value"] as? String == "0.3")
    #expect((target["assumption"] as? String)?.hasPrefix("registry says i3+3 without parameters") == true)
    let text = try CLIRunner.run(arguments)
    #expect(text.stdout.contains("true MTD: level 2 "), "\(text.stdout)")
    let rows = text.stdout.split(separator: "\n").filter { $0.hasPrefix("   -1") || $0.hasPrefix("    3") }
    #expect(rows.count == 2, "one row for level −1 and one for level 3: \(text.stdout)")
    let svg = try CLIRunner.run(arguments + ["--format", "svg"])
    #expect(svg.stdout.contains("level -1"))
    #expect(!svg.stdout.contains("dose 4"))
  }

  /// Issue 10: `--target` with `--protocol` overrides the protocol's target, and the answer says so.
  @Test func protocolOverrideIsAppliedAndReported() throws {
    let base = ["oc", "--protocol", "NCT07470073", "--group", "A", "--truth", "0.05,0.1,0.25,0.4", "--exact"]
    let json = try CLIRunner.run(base + ["--target", "0.32", "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try #require(try json.json() as? [String: Any])
    #expect(object["target"] as? Double == 0.32)
    #expect(object["trueMTD"] as? Int == 2)  // 0.25 is closest to 0.32 (0.4 is 0.08 away)
    let overrides = try #require(object["overrides"] as? [[String: Any]])
    let override = try #require(overrides.first { $0["setting"] as? String == "target" })
    #expect(override["value"] as? String == "0.32")
    #expect(override["protocolValue"] as? String == "0.3")
    let assumptions = try #require(object["assumptions"] as? [[String: Any]])
    #expect(
      !assumptions.contains { $0["setting"] as? String == "target" }, "an overridden value is no assumption")
    let text = try CLIRunner.run(base + ["--target", "0.32"])
    #expect(text.stdout.contains("[target 0.32 (protocol: 0.3, overridden)]"), "\(text.stdout)")
    // The protocol's EI [0.25, 0.35] does not contain 0.2: the error says the value is the protocol's.
    let outside = try CLIRunner.run(base + ["--target", "0.2"])
    #expect(outside.status != 0)
    #expect(outside.stderr.contains("--protocol (design.equivalenceInterval)"), "\(outside.stderr)")
    let refused = try CLIRunner.run(base + ["--design", "boin"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("--design"))
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
