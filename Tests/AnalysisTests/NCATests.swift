import TestSupport
import Testing

@testable import Analysis

/// Non-compartmental analysis against PKNCA 0.11.0 (Tests/Fixtures/reference/clinical).
struct NCATests {
  static func theophProfiles() throws -> [Int: ConcentrationProfile] {
    let rows = try FixtureDirectory.clinical.csvRecords("theoph.csv")
    let grouped = Dictionary(grouping: rows) { Int($0["subject"]!)! }
    return try grouped.mapValues { rows in
      try ConcentrationProfile(
        times: rows.map { Double($0["time"]!)! }, concentrations: rows.map { Double($0["conc"]!)! })
    }
  }

  @Test func theophMatchesPKNCALinUpLogDown() throws {
    let profiles = try Self.theophProfiles()
    let reference = try FixtureDirectory.clinical.csvRecords("theoph_pknca_0.11.0_linuplogdown.csv")
    #expect(reference.count == 12)
    for row in reference {
      let subject = Int(row["Subject"]!)!
      let result = try profiles[subject]!.nonCompartmentalAnalysis()
      let phase = try #require(result.terminalPhase)
      func check(_ value: Double?, _ key: String) {
        expectClose(value ?? .nan, Double(row[key]!)!, relative: 1e-9, "subject \(subject) \(key)")
      }
      check(result.cmax, "cmax")
      check(result.tmax, "tmax")
      check(result.tlast, "tlast")
      check(result.clast, "clast.obs")
      check(result.auclast, "auclast")
      check(result.lambdaZ, "lambda.z")
      check(phase.rSquared, "r.squared")
      check(phase.adjustedRSquared, "adj.r.squared")
      check(phase.firstTime, "lambda.z.time.first")
      check(Double(phase.pointCount), "lambda.z.n.points")
      check(phase.clastPredicted, "clast.pred")
      check(result.halfLife, "half.life")
      check(phase.spanRatio, "span.ratio")
      check(result.aucinfObserved, "aucinf.obs")
      check(result.aucinfPredicted, "aucinf.pred")
      check(result.percentExtrapolated, "aucpext.obs")
    }
  }

  @Test func theophHalfLifePointsMatchPKNCA() throws {
    let profiles = try Self.theophProfiles()
    let rows = try FixtureDirectory.clinical.csvRecords("theoph_halflife_points.csv")
    for (subject, profile) in profiles {
      let phase = try #require(try profile.nonCompartmentalAnalysis().terminalPhase)
      let expected = rows.filter { Int($0["Subject"]!) == subject && $0["hl_point"] == "TRUE" }
        .map { Double($0["Time"]!)! }
      #expect(phase.pointTimes == expected, "subject \(subject)")
    }
  }

  @Test func theophLinearAUClastMatchesPKNCA() throws {
    let profiles = try Self.theophProfiles()
    let reference = try FixtureDirectory.clinical.csvRecords("theoph_pknca_0.11.0_auclast_linear.csv")
    #expect(reference.count == 12)
    for row in reference {
      let result = try profiles[Int(row["Subject"]!)!]!.nonCompartmentalAnalysis(
        NCAOptions(aucMethod: .linear))
      expectClose(result.auclast, Double(row["auclast_linear"]!)!, relative: 1e-9)
    }
  }

  static func steinProfile() throws -> ConcentrationProfile {
    let rows = try FixtureDirectory.clinical.csvRecords("stein_typical_sparse_profile.csv")
    return try ConcentrationProfile(
      times: rows.map { Double($0["time"]!)! }, concentrations: rows.map { Double($0["conc"]!)! })
  }

  static func steinReference(_ method: String, _ end: String, _ key: String) throws -> Double {
    let row = try FixtureDirectory.clinical.csvRecords("stein_typical_sparse_pknca.csv").first {
      $0["method"] == method && $0["end"] == end && $0["PPTESTCD"] == key
    }
    return Double(try #require(row)["PPORRES"]!)!
  }

  @Test func steinTypicalAUC0to28UnderBothMethods() throws {
    let profile = try Self.steinProfile()
    let logDown = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 0...28))
    let linear = try profile.nonCompartmentalAnalysis(NCAOptions(aucMethod: .linear, interval: 0...28))
    expectClose(
      logDown.aucInterval!, try Self.steinReference("lin up/log down", "28", "auclast"), relative: 1e-9)
    expectClose(linear.aucInterval!, try Self.steinReference("linear", "28", "auclast"), relative: 1e-9)
    // PKNCA 0.11.0 values (Tests/Fixtures/reference/clinical).
    #expect(abs(logDown.aucInterval! - 157_494.73) < 0.01)
    #expect(abs(linear.aucInterval! - 164_478.95) < 0.01)
    expectClose(logDown.cmax, try Self.steinReference("lin up/log down", "28", "cmax"), relative: 1e-12)
  }

  @Test func steinTypicalTerminalPhaseIsPersistence() throws {
    let result = try Self.steinProfile().nonCompartmentalAnalysis()
    let phase = try #require(result.terminalPhase)
    expectClose(phase.lambdaZ, try Self.steinReference("lin up/log down", "Inf", "lambda.z"), relative: 1e-9)
    expectClose(
      result.halfLife!, try Self.steinReference("lin up/log down", "Inf", "half.life"), relative: 1e-9)
    #expect(phase.pointCount == 4)
    #expect(phase.firstTime == 90)
    expectClose(
      phase.clastPredicted, try Self.steinReference("lin up/log down", "Inf", "clast.pred"), relative: 1e-9)
    expectClose(
      phase.spanRatio, try Self.steinReference("lin up/log down", "Inf", "span.ratio"), relative: 1e-9)
  }

  @Test func fixedWindowCapturesContractionPhase() throws {
    // Days 11–28 lie in the contraction phase, where C ≈ (1−FB)·Cmax·e^{−α(t−Tmax)}, α = 0.16/day.
    let result = try Self.steinProfile().nonCompartmentalAnalysis(
      NCAOptions(terminalPhase: .fixed(from: 11, to: 28)))
    let phase = try #require(result.terminalPhase)
    #expect(phase.pointTimes == [11, 14, 21, 28])
    #expect(abs(phase.lambdaZ - 0.16) < 0.01)
  }

  @Test func blqHandlingFollowsPosition() throws {
    let profile = try ConcentrationProfile(times: [0, 1, 2, 3, 4, 5], concentrations: [0, 4, 0, 2, 0, 0])
    let cleaned = profile.applying(.pkncaDefault)
    #expect(cleaned.times == [0, 1, 3, 4, 5])
    let allDropped = profile.applying(BLQHandling(first: .drop, middle: .drop, last: .drop))
    #expect(allDropped.times == [1, 3])
    let result = try profile.nonCompartmentalAnalysis()
    #expect(result.tlast == 3)
    // lin-up 0→1: 2; log-down 1→3: 2·(2−4)/ln(1/2) = 4/ln 2.
    expectClose(result.auclast, 2 + 4 / Double.log(2.0), relative: 1e-14)
  }

  @Test func linLogUsesLogTrapezoidsAfterTmaxEvenWhenRising() throws {
    let profile = try ConcentrationProfile(times: [0, 1, 2, 3], concentrations: [0, 10, 5, 8])
    // 0→1 touches 0: linear 5; 1→2 falls: 5/ln 2; 2→3 rises after Tmax: 3/ln 1.6 (lin-log) or 6.5 (linear).
    let linLog = try profile.nonCompartmentalAnalysis(NCAOptions(aucMethod: .linLog))
    expectClose(linLog.auclast, 5 + 5 / Double.log(2.0) + 3 / Double.log(1.6), relative: 1e-14)
    let linUp = try profile.nonCompartmentalAnalysis()
    expectClose(linUp.auclast, 5 + 5 / Double.log(2.0) + 6.5, relative: 1e-14)
  }

  @Test func lloqCensorsLowValues() throws {
    let profile = try ConcentrationProfile(times: [0, 1, 2, 3], concentrations: [0, 10, 5, 0.5])
    let result = try profile.nonCompartmentalAnalysis(NCAOptions(lloq: 1))
    #expect(result.tlast == 2)
    #expect(result.clast == 5)
  }

  @Test func intervalInterpolatesAndExtrapolates() throws {
    // A mono-exponential after the peak: the log trapezoid is exact for it.
    let k = 0.2
    let times: [Double] = [0, 1, 2, 4, 8, 12]
    let concs = times.map { $0 == 0 ? 0 : 100 * Double.exp(-k * ($0 - 1)) }
    let profile = try ConcentrationProfile(times: times, concentrations: concs)
    let result = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 1...20))
    expectClose(result.lambdaZ!, k, relative: 1e-12)
    let exact = 100 / k * (1 - Double.exp(-k * 19))
    expectClose(result.aucInterval!, exact, relative: 1e-12)
    let inner = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 3...5))
    let exactInner = 100 / k * (Double.exp(-k * 2) - Double.exp(-k * 4))
    expectClose(inner.aucInterval!, exactInner, relative: 1e-12)
    // Linear interpolation on the rising limb: C(0.5) = 50, area 0.5…1 = 0.5·(50+100)/2.
    let rising = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 0.5...1))
    expectClose(rising.aucInterval!, 37.5, relative: 1e-14)
  }

  @Test func qualityFlagsFollowPKNCAThresholds() throws {
    let profiles = try Self.theophProfiles()
    // Subject 1: span ratio 1.07 and 31.5% extrapolated (reference file); subject 2: 2.59 and 8.9%.
    let first = try profiles[1]!.nonCompartmentalAnalysis().qualityFlags()
    #expect(first == ["span ratio < 2.0", "AUC extrapolated > 20.0%"])
    #expect(try profiles[2]!.nonCompartmentalAnalysis().qualityFlags().isEmpty)
    let strict = NCAQualityCriteria(minimumRSquared: 0.9999)
    #expect(try profiles[2]!.nonCompartmentalAnalysis().qualityFlags(strict) == ["R² < 0.9999"])
  }

  @Test func invalidProfilesAreRejected() {
    #expect(throws: ConcentrationProfile.InvalidProfile.self) {
      try ConcentrationProfile(times: [0, 1, 1], concentrations: [1, 2, 3])
    }
    #expect(throws: ConcentrationProfile.InvalidProfile.self) {
      try ConcentrationProfile(times: [-1, 1], concentrations: [1, 2])
    }
    #expect(throws: NCAError.self) {
      try ConcentrationProfile(times: [0, 1], concentrations: [0, 0]).nonCompartmentalAnalysis()
    }
  }
}
