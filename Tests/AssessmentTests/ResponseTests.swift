import Inputs
import Testing
import TrialModel

@testable import Assessment

/// B-ALL response (Kröger 2010, ELN 2024, ELIANA): categories, operator settings, MRD sensitivity rule,
/// best overall response with the 4-week durability rule.
struct ResponseTests {
  let classifier = ResponseClassifier()
  static let baseline = DiseaseBaseline(marrowBlastsPercent: 60, extramedullaryDisease: false)

  static func marrow(
    _ blasts: Double, anc: Double = 1.5, platelets: Double = 150, circulating: Bool = false,
    emd: Bool = false,
    mrd: MRDResult? = nil, day: Double = 28
  ) -> DiseaseAssessment {
    DiseaseAssessment(
      day: day, marrowBlastsPercent: blasts, circulatingBlasts: circulating, extramedullaryDisease: emd,
      anc: MeasuredValue(Quantity(anc, .gigaPerLitre)),
      platelets: MeasuredValue(Quantity(platelets, .gigaPerLitre)),
      mrd: mrd)
  }

  func category(
    _ a: DiseaseAssessment, inRemission: Bool = false, afterPR: Bool = false,
    classifier: ResponseClassifier? = nil
  ) throws -> ResponseCategory {
    var history = ResponseClassifier.History()
    history.inRemission = inRemission
    history.afterPartialResponse = afterPR
    return try (classifier ?? self.classifier).classify(a, day: 28, baseline: Self.baseline, history: history)
      .category
  }

  @Test func morphologicalCategories() throws {
    #expect(try category(Self.marrow(2)) == .completeRemission)
    #expect(try category(Self.marrow(2, anc: 0.5)) == .completeRemissionIncompleteRecovery)
    #expect(try category(Self.marrow(2, platelets: 40)) == .completeRemissionIncompleteRecovery)
    #expect(try category(Self.marrow(4.9, circulating: true)) == .noResponse)
    #expect(try category(Self.marrow(5)) == .partialResponse)  // 5–25% and ≥ 50% fall from 60%
    #expect(try category(Self.marrow(25)) == .partialResponse)
    #expect(try category(Self.marrow(25.1)) == .noResponse)
    #expect(try category(Self.marrow(20, anc: 0.5)) == .noResponse)  // PR needs count recovery
    #expect(try category(Self.marrow(75)) == .progressiveDisease)  // ≥ 1.25 × 60
    #expect(try category(Self.marrow(74.9)) == .noResponse)
    #expect(try category(Self.marrow(2, emd: true)) == .progressiveDisease)  // new extramedullary disease
  }

  @Test func transfusionDependenceRulesOutCR() throws {
    var dependent = Self.marrow(1)
    dependent.transfusionIndependent = false
    #expect(try category(dependent) == .completeRemissionIncompleteRecovery)
  }

  @Test func countThresholdOperatorsAreSettings() throws {
    // ANC exactly 1.0 × 10⁹/L and platelets exactly 100 × 10⁹/L.
    let boundary = Self.marrow(1, anc: 1.0, platelets: 100)
    #expect(try category(boundary) == .completeRemissionIncompleteRecovery)  // default ">" (ELN/ELIANA-style)
    var kroger = ResponseSettings()
    kroger.ancComparison = Assumed(.atLeast)
    kroger.plateletComparison = Assumed(.atLeast)
    #expect(try category(boundary, classifier: ResponseClassifier(settings: kroger)) == .completeRemission)
    kroger.plateletComparison = Assumed(.greaterThan)
    #expect(
      try category(boundary, classifier: ResponseClassifier(settings: kroger))
        == .completeRemissionIncompleteRecovery)
  }

  @Test func relapseAfterRemissionOrPartialResponse() throws {
    #expect(try category(Self.marrow(5), inRemission: true) == .relapse)
    #expect(try category(Self.marrow(4.9), inRemission: true) == .completeRemission)
    #expect(try category(Self.marrow(1, circulating: true), inRemission: true) == .relapse)
    #expect(try category(Self.marrow(1, emd: true), inRemission: true) == .relapse)
    #expect(try category(Self.marrow(26), afterPR: true) == .relapse)
    #expect(try category(Self.marrow(25), afterPR: true) == .partialResponse)
    var settings = ResponseSettings()
    settings.relapseMarrowBlastsPercent = Assumed(25)
    #expect(
      try category(Self.marrow(10), inRemission: true, classifier: ResponseClassifier(settings: settings))
        != .relapse)
  }

  @Test func mrdNegativeOnlyWithSensitivityOf1e4() throws {
    #expect(try classifier.mrdStatus(MRDResult(value: 0, sensitivity: 1e-5)).0 == .negative)
    #expect(try classifier.mrdStatus(MRDResult(value: 5e-5, sensitivity: 1e-4)).0 == .negative)
    #expect(
      try classifier.mrdStatus(MRDResult(value: 0, sensitivity: 1e-3)).0 == .negativeInsufficientSensitivity)
    #expect(try classifier.mrdStatus(MRDResult(value: 1e-4, sensitivity: 1e-5)).0 == .positive)
    #expect(try classifier.mrdStatus(MRDResult(value: 0.005, sensitivity: 0.001, unit: "%")).0 == .negative)
    #expect(
      try classifier.mrdStatus(MRDResult(value: 0.005, sensitivity: 0.1, unit: "%")).0
        == .negativeInsufficientSensitivity)
    #expect(try classifier.mrdStatus(nil).0 == .notAssessed)
    #expect { try classifier.mrdStatus(MRDResult(value: -1, sensitivity: 1e-5)) } throws: {
      ($0 as? InputError)?.field == "mrd.value"
    }
    #expect { try classifier.mrdStatus(MRDResult(value: 0, sensitivity: nil)) } throws: {
      ($0 as? InputError)?.field == "mrd.sensitivity"
    }
  }

  func best(_ assessments: [DiseaseAssessment]) throws -> BestOverallResponse {
    try classifier.bestOverallResponse(
      ResponseRecord(baseline: Self.baseline, assessments: assessments), windowDays: 91
    ) {
      (a: DiseaseAssessment) throws(InputError) -> Double in a.day ?? 0
    }
  }

  @Test func remissionMaintainedFourWeeksIsAResponse() throws {
    let negative = MRDResult(value: 0, sensitivity: 1e-5)
    let result = try best([Self.marrow(1, mrd: negative, day: 28), Self.marrow(1, mrd: negative, day: 56)])
    #expect(
      result.bestResponse == .completeRemission && result.status == .confirmedRemission && result.responder)
    #expect(result.mrdNegativeRemission)
    #expect(result.decidingAssessments.map(\.day) == [28, 56])
  }

  @Test func durabilityBoundaryAndPendingConfirmation() throws {
    let pending = try best([Self.marrow(1, day: 28), Self.marrow(1, day: 55)])
    #expect(pending.status == .pendingConfirmation && !pending.responder)
    let lost = try best([Self.marrow(1, day: 28), Self.marrow(10, day: 42)])
    #expect(lost.bestResponse == .relapse && lost.status == .nonResponder && !lost.responder)
    #expect(lost.reason.contains("CR on day 28 not maintained (relapse on day 42)"))
    let second = try best([Self.marrow(1, day: 28), Self.marrow(10, day: 42), Self.marrow(1, day: 70)])
    #expect(second.status == .pendingConfirmation && second.decidingAssessments.map(\.day) == [70])
  }

  @Test func bestResponseWithinTheWindow() throws {
    // CRi on day 28 confirmed on day 60; CR on day 60 confirmed on day 90: best is CR.
    let upgrade = try best([
      Self.marrow(1, anc: 0.5, day: 28), Self.marrow(1, day: 60), Self.marrow(1, day: 90),
    ])
    #expect(upgrade.bestResponse == .completeRemission && upgrade.responder)
    // First remission after the 91-day window does not count.
    let late = try best([Self.marrow(40, day: 28), Self.marrow(1, day: 100), Self.marrow(1, day: 130)])
    #expect(late.bestResponse == .noResponse && !late.responder)
    #expect(try best([]).status == .notEvaluable)
  }

  @Test func orrCountsConfirmedCRAndCRi() throws {
    let cr = try best([Self.marrow(1, day: 28), Self.marrow(1, day: 56)])
    let cri = try best([Self.marrow(1, anc: 0.2, day: 28), Self.marrow(1, anc: 0.3, day: 56)])
    let nr = try best([Self.marrow(40, day: 28)])
    let pending = try best([Self.marrow(1, day: 28)])
    let counts = ObjectiveResponseCounts([cr, cri, nr, pending, nr, nr, nr, nr, nr, nr])
    #expect(counts.responders == 2 && counts.subjects == 10)
    #expect(counts.completeRemissions == 1 && counts.completeRemissionsIncompleteRecovery == 1)
    #expect(counts.pendingConfirmation == 1)
  }
}
