import Foundation
import Testing
import TrialModel

@testable import Analysis

/// Geometric summaries, medians and the median profile against closed forms and hand computations.
struct DescriptiveStatisticsTests {
  @Test func geometricSummaryOfTwoValuesMatchesTheClosedForm() throws {
    // ln e⁻¹ = −1, ln e = 1: mean 0, s² = ((−1)² + 1²)/(2 − 1) = 2, so GM = e⁰ = 1 and
    // CV = √(e² − 1).
    let summary = try #require(GeometricSummary([exp(-1), exp(1)]))
    #expect(summary.count == 2)
    #expect(abs(summary.geometricMean - 1) < 1e-12)
    #expect(abs(summary.coefficientOfVariation! - (exp(2) - 1).squareRoot()) < 1e-12)
  }

  @Test func geometricMeanIsTheNthRootOfTheProduct() throws {
    // 10 · 100 · 1000 = 10⁶, cube root 100; logs (in ln 10 units) 1, 2, 3: s² = (ln 10)².
    let summary = try #require(GeometricSummary([10, 100, 1000]))
    #expect(abs(summary.geometricMean - 100) < 1e-9)
    let ln10 = log(10.0)
    #expect(abs(summary.coefficientOfVariation! - (exp(ln10 * ln10) - 1).squareRoot()) < 1e-9)
  }

  @Test func geometricSummaryLeavesOutZerosAndNeedsTwoValuesForACV() throws {
    // BLQ (0) has no logarithm: [0, 140] summarises 140 alone.
    let one = try #require(GeometricSummary([0, 140]))
    #expect(one.count == 1)
    #expect(abs(one.geometricMean - 140) < 1e-9)
    #expect(one.coefficientOfVariation == nil)
    #expect(GeometricSummary([0, 0]) == nil)
    #expect(GeometricSummary([]) == nil)
  }

  @Test func medianOfOddAndEvenCounts() throws {
    #expect(MedianRange.median([7, 1, 3]) == 3)
    #expect(MedianRange.median([4, 1, 3, 10]) == 3.5)
    #expect(MedianRange.median([]) == nil)
    let range = try #require(MedianRange([11, 7, 14, 9]))
    #expect(range.median == 10)
    #expect(range.minimum == 7 && range.maximum == 14 && range.count == 4)
  }

  @Test func medianProfileNeedsHalfTheProfilesAndAPositiveMedian() throws {
    let a = try ConcentrationProfile(times: [0, 7, 28], concentrations: [0, 100, 10])
    let b = try ConcentrationProfile(times: [0, 7, 28], concentrations: [0, 300, 30])
    let c = try ConcentrationProfile(times: [0, 7, 90], concentrations: [0, 200, 5])
    let profile = ConcentrationProfile.medianProfile([a, b, c])
    // Day 0: median 0 (left out); day 7: median of 100, 300, 200; day 28: two of three sampled,
    // median (10 + 30)/2; day 90: one of three sampled (left out).
    #expect(profile.map(\.time) == [7, 28])
    #expect(profile.map(\.concentration) == [200, 20])
  }
}

/// Protocol endpoint measures and their time-to-event definitions.
struct EndpointMeasureTests {
  @Test func timeToEventMeasuresHaveDefinitions() {
    #expect(EndpointDefinition(measure: .os) == .overallSurvival)
    #expect(EndpointDefinition(measure: .efs) == .eventFreeSurvival)
    #expect(EndpointDefinition(measure: .dor) == .durationOfResponse)
    #expect(EndpointDefinition(measure: .rfs) == .relapseFreeSurvival)
    for measure in [EndpointMeasure.dlt, .orr, .kinetics, .cr, .mrdNegativity] {
      #expect(EndpointDefinition(measure: measure) == nil)
    }
  }

  @Test func progressionFreeSurvivalIsRelapseOrDeathWithoutTreatmentFailure() throws {
    // A non-responder alive without relapse: an EFS event on day 0 (treatment failure), but
    // censored for PFS at the last assessment (day 60).
    let day0 = try #require(CalendarDate(iso: "2024-01-01"))
    let course = SubjectCourse(
      subject: "A", infusion: day0, responseAssessment: CalendarDate(iso: "2024-01-29"),
      lastAssessment: CalendarDate(iso: "2024-03-01"), lastKnownAlive: CalendarDate(iso: "2024-03-01"))
    let pfs = try #require(try EndpointDefinition(measure: .pfs)?.derive(for: course))
    #expect(pfs.event == false && pfs.days == 60)
    let efs = try #require(try EndpointDefinition.eventFreeSurvival.derive(for: course))
    #expect(efs.event == true && efs.days == 0)
    #expect(EndpointDefinition(measure: .pfs)?.name == "PFS")
  }
}
