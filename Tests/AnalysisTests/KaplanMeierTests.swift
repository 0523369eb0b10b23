import TestSupport
import Testing

@testable import Analysis

/// Kaplan–Meier, medians and log-rank against R survival 3.5.3 (km_lung_gehan_R.txt).
struct KaplanMeierTests {
  static func lung() throws -> [(obs: SurvivalObservation, sex: String)] {
    // lung.csv: status 1 = death (already recoded as in the R reference run).
    try FixtureDirectory.clinical.csvRecords("lung.csv").map {
      (SurvivalObservation(time: Double($0["time"]!)!, event: $0["status"] == "1"), $0["sex"]!)
    }
  }

  static func gehan() throws -> [(obs: SurvivalObservation, treat: String)] {
    try FixtureDirectory.clinical.csvRecords("gehan.csv").map {
      (SurvivalObservation(time: Double($0["time"]!)!, event: $0["cens"] == "1"), $0["treat"]!)
    }
  }

  /// The `summary(survfit)` rows printed under `header` in km_lung_gehan_R.txt:
  /// time, n.risk, n.event, survival, std.err, lower, upper (NaN/NA → nan).
  static func summaryRows(after header: String) throws -> [[Double]] {
    let lines = try FixtureDirectory.clinical.text("km_lung_gehan_R.txt").components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == header })
    var rows: [[Double]] = []
    for line in lines[(start + 2)...] {
      let fields = line.split(separator: " ")
      guard fields.count == 7 else { break }
      rows.append(fields.map { Double($0) ?? .nan })
    }
    return rows
  }

  @Test(arguments: ["6-MP", "control"])
  func gehanStepTableMatchesR(treat: String) throws {
    let km = KaplanMeier(try Self.gehan().filter { $0.treat == treat }.map(\.obs))
    let reference = try Self.summaryRows(after: "treat=\(treat)")
    for (step, row) in checkedZip(km.steps, reference, "treat=\(treat) steps") {
      #expect(step.time == row[0])
      #expect(step.atRisk == Int(row[1]))
      #expect(step.events == Int(row[2]))
      #expect(abs(step.survival - row[3]) < 1e-6)
      let band = km.confidenceInterval(for: step)
      if row[4].isNaN {
        #expect(band == nil)
      } else {
        #expect(abs(step.standardError - row[4]) < 1e-6)
        #expect(abs(band!.lower - row[5]) < 1e-6)
        #expect(abs(band!.upper - row[6]) < 1e-6)
      }
    }
  }

  @Test func lungSurvivalAtTimesMatchesR() throws {
    let km = KaplanMeier(try Self.lung().map(\.obs))
    // summary(survfit(Surv(time, status) ~ 1, lung), times = c(180, 365, 730)).
    let reference: [(Double, Int, Double, Double, Double, Double)] = [
      (180, 160, 0.721671, 0.0298124, 0.6655423, 0.782533),
      (365, 65, 0.409242, 0.0358236, 0.3447216, 0.485838),
      (730, 13, 0.115693, 0.0282982, 0.0716318, 0.186857),
    ]
    for (time, atRisk, survival, se, lower, upper) in reference {
      let step = try #require(km.step(at: time))
      #expect(km.atRisk(at: time) == atRisk)
      #expect(abs(km.survival(at: time) - survival) < 1e-6)
      #expect(abs(step.standardError - se) < 1e-6)
      let band = try #require(km.confidenceInterval(for: step))
      #expect(abs(band.lower - lower) < 1e-6)
      #expect(abs(band.upper - upper) < 1e-6)
    }
  }

  @Test func mediansAndTheirConfidenceIntervalsMatchR() throws {
    let lung = try Self.lung()
    let all = KaplanMeier(lung.map(\.obs))
    #expect(all.count == 228 && all.eventCount == 165)
    #expect(all.median() == SurvivalQuantile(probability: 0.5, estimate: 310, lower: 285, upper: 363))
    #expect(
      all.median(scale: .logLog) == SurvivalQuantile(probability: 0.5, estimate: 310, lower: 284, upper: 361))
    let male = KaplanMeier(lung.filter { $0.sex == "1" }.map(\.obs))
    #expect(male.count == 138 && male.eventCount == 112)
    #expect(male.median() == SurvivalQuantile(probability: 0.5, estimate: 270, lower: 212, upper: 310))
    let female = KaplanMeier(lung.filter { $0.sex == "2" }.map(\.obs))
    #expect(female.median() == SurvivalQuantile(probability: 0.5, estimate: 426, lower: 348, upper: 550))
    let gehan = try Self.gehan()
    let sixMP = KaplanMeier(gehan.filter { $0.treat == "6-MP" }.map(\.obs))
    #expect(sixMP.count == 21 && sixMP.eventCount == 9)
    #expect(sixMP.median() == SurvivalQuantile(probability: 0.5, estimate: 23, lower: 16, upper: nil))
    let control = KaplanMeier(gehan.filter { $0.treat == "control" }.map(\.obs))
    #expect(control.median() == SurvivalQuantile(probability: 0.5, estimate: 8, lower: 4, upper: 12))
    // lifelines (log-log): control 4–11, 6-MP 13–∞.
    #expect(control.median(scale: .logLog).upper == 11)
    #expect(sixMP.median(scale: .logLog).lower == 13)
  }

  @Test func medianUsesMidpointWhenCurveSitsAtOneHalf() {
    // Events at 1 and 2 of four subjects: S = 0.75, 0.5 until the next event at 4 → median 3 (R).
    let km = KaplanMeier(
      [1, 2, 4, 5].map { SurvivalObservation(time: $0, event: true) })
    #expect(km.median().estimate == 3)
  }

  @Test func logRankMatchesR() throws {
    let lung = try Self.lung()
    let bySex = LogRankTest(groups: ["1", "2"].map { s in lung.filter { $0.sex == s }.map(\.obs) })
    #expect(abs(bySex.chiSquared - 10.326742) < 1e-6)
    #expect(abs(bySex.pValue - 0.00131116) < 1e-8)
    #expect(bySex.degreesOfFreedom == 1)
    #expect(bySex.observed == [112, 53])
    #expect(abs(bySex.expected[0] - 91.6) < 0.05)
    let gehan = try Self.gehan()
    let byTreat = LogRankTest(
      groups: ["6-MP", "control"].map { t in gehan.filter { $0.treat == t }.map(\.obs) })
    #expect(abs(byTreat.chiSquared - 16.792941) < 1e-6)
    #expect(abs(byTreat.pValue - 4.16881e-5) < 1e-10)
  }

  @Test func logRankWithThreeGroupsIsInvariantToGroupOrder() throws {
    let lung = try Self.lung()
    // Three groups by sex and time parity: the statistic must not depend on which group is dropped.
    let groups = [
      lung.filter { $0.sex == "1" && Int($0.obs.time) % 2 == 0 }.map(\.obs),
      lung.filter { $0.sex == "1" && Int($0.obs.time) % 2 == 1 }.map(\.obs),
      lung.filter { $0.sex == "2" }.map(\.obs),
    ]
    let a = LogRankTest(groups: groups)
    let b = LogRankTest(groups: [groups[2], groups[0], groups[1]])
    #expect(a.degreesOfFreedom == 2)
    #expect(abs(a.chiSquared - b.chiSquared) < 1e-9)
    #expect(abs(a.observed.reduce(0, +) - a.expected.reduce(0, +)) < 1e-9)
  }

  @Test func radixSortOrdersDoublesAsComparisonDoes() {
    var random = SeededGenerator(seed: 11)
    for count in [0, 1, 100, RadixSort.threshold, 10_000] {
      var values = (0..<count).map { _ in (random.nextOpenUnitInterval() - 0.3) * 2_000 }
      // Ties, signed zeros, whole days, extremes.
      values += [0, -0.0, 0, 5, 5, 5, 1e-300, -1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
      values.shuffle(using: &random)
      #expect(RadixSort.sorted(values) == values.sorted(), "\(count)")
    }
  }

  @Test func largeCurvesEqualTheDefinitionAndTheLogRankMergesCurvesAsBefore() throws {
    // 6,000 subjects (above the radix threshold) with many ties: S, n at risk and events per
    // event time straight from the definitions (O(n²)), and the log-rank test from curves equal
    // to the one from observations in another group order.
    var random = SeededGenerator(seed: 2026)
    let observations = (0..<6_000).map { _ in
      SurvivalObservation(
        time: (random.nextOpenUnitInterval() * 400).rounded() / 2, event: random.nextOpenUnitInterval() < 0.7)
    }
    let km = KaplanMeier(observations)
    let eventTimes = Set(observations.filter(\.event).map(\.time)).sorted()
    #expect(km.steps.map(\.time) == eventTimes)
    var survival = 1.0
    for step in km.steps {
      let atRisk = observations.filter { $0.time >= step.time }.count
      let deaths = observations.filter { $0.event && $0.time == step.time }.count
      let censored = observations.filter { !$0.event && $0.time == step.time }.count
      survival *= 1 - Double(deaths) / Double(atRisk)
      #expect(step.atRisk == atRisk && step.events == deaths && step.censored == censored)
      #expect(step.survival == survival)
      #expect(km.atRisk(at: step.time) == atRisk)
    }
    #expect(km.lastObservedTime == observations.map(\.time).max())
    // The two-group log-rank statistic from its definition (Mantel 1966): at each event time,
    // E₁ += d·n₁/n and V += d(n − d)n₁(n − n₁)/(n²(n − 1)); χ² = (O₁ − E₁)²/V.
    let first = Array(observations[..<2_500])
    let test = LogRankTest(curves: [KaplanMeier(first), KaplanMeier(Array(observations[2_500...]))])
    var (observed, expected, variance) = (0.0, 0.0, 0.0)
    for time in eventTimes {
      let n = Double(observations.filter { $0.time >= time }.count)
      let n1 = Double(first.filter { $0.time >= time }.count)
      let d = Double(observations.filter { $0.event && $0.time == time }.count)
      observed += Double(first.filter { $0.event && $0.time == time }.count)
      expected += d * n1 / n
      if n > 1 { variance += d * (n - d) * n1 * (n - n1) / (n * n * (n - 1)) }
    }
    #expect(test.observed[0] == observed)
    #expect(abs(test.expected[0] - expected) <= 1e-9 * expected)
    let chiSquared = (observed - expected) * (observed - expected) / variance
    #expect(abs(test.chiSquared - chiSquared) <= 1e-9 * chiSquared)
    // An empty group is left out, as before.
    #expect(LogRankTest(groups: [[], first, Array(observations[2_500...])]) == test)
  }
}
