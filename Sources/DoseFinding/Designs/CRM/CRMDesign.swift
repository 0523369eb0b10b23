/// The one-stage Bayesian continual reassessment method (O'Quigley, Pepe & Fisher 1990,
/// Biometrics 46:33–48) as implemented by dfcrm 0.2-2.1 (`crm`, `crmsim`; Cheung 2011):
/// working model ``CRMWorkingModel`` with skeleton s, prior β ~ N(0, σ²) with σ² = 1.34 (a
/// variance, not an SD), plug-in estimates p̂_d = p_d(β̂) at the posterior mean β̂, and next dose
/// = the first dose minimising |p̂_d − φ|.
///
/// `crmsim(restrict = TRUE)` safety constraints, both on by default:
/// - no skipping on escalation: next ≤ current + 1;
/// - coherence (Cheung 2005): no escalation right after a cohort whose DLT rate is ≥ φ.
///
/// Optional stop (not in dfcrm; cf. `escalation::stop_when_too_toxic`, bcrm "safety"): stop with
/// no MTD when at least 3 patients were treated at dose 1 and Pr(p₁ > φ | data) > threshold.
/// The final MTD is the unrestricted recommendation from all data (dfcrm).
public struct CRMDesign: DoseFindingDesign {
  public let skeleton: [Double]
  public let target: Double
  public let model: CRMWorkingModel
  /// Prior variance σ² of β (dfcrm `scale`² ; default 1.34).
  public let priorVariance: Double
  public let cohortSize: Int
  public let maxSampleSize: Int
  public let startDose: Int
  /// No skipping of untried doses on escalation.
  public let noSkipping: Bool
  /// No escalation after a cohort with DLT rate ≥ φ.
  public let coherence: Bool
  /// Stop when Pr(p₁ > φ | data) exceeds this (`nil`: off, as dfcrm).
  public let safetyStopThreshold: Double?
  private let labels: [Double]
  /// The fixed posterior quadrature rule with its per-dose log-probability tables.
  let quadrature: CRMQuadrature

  public init(
    skeleton: [Double], target: Double, model: CRMWorkingModel = .empiric,
    priorVariance: Double = 1.34, cohortSize: Int = 3, maxSampleSize: Int, startDose: Int = 0,
    noSkipping: Bool = true, coherence: Bool = true, safetyStopThreshold: Double? = nil
  ) {
    self.skeleton = skeleton
    self.target = target
    self.model = model
    self.priorVariance = priorVariance
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.startDose = startDose
    self.noSkipping = noSkipping
    self.coherence = coherence
    self.safetyStopThreshold = safetyStopThreshold
    labels = skeleton.map { model.doseLabel(skeleton: $0) }
    quadrature = CRMQuadrature(
      labels: labels, skeleton: skeleton, model: model, priorVariance: priorVariance, target: target)
  }

  public var doseCount: Int { skeleton.count }
  public var usesLastCohort: Bool { coherence }

  public var variantName: String {
    "CRM (dfcrm 0.2-2.1: \(model.name) model, prior variance \(priorVariance)"
      + (noSkipping || coherence ? ", restrict = TRUE" : "")
      + (safetyStopThreshold.map { ", stop if Pr(p1 > target) > \($0)" } ?? "") + ")"
  }

  /// The posterior fit to the per-dose counts.
  public func posterior(_ counts: [DoseCounts]) -> CRMPosterior {
    CRMPosterior.fit(
      counts: counts, quadrature: quadrature, labels: labels, skeleton: skeleton, model: model,
      priorVariance: priorVariance, target: target)
  }

  public func recommend(_ history: TrialHistory) -> Recommendation {
    recommend(history, explain: true)
  }

  public func recommend(_ history: TrialHistory, explain: Bool) -> Recommendation {
    recommend(history, posterior: posterior(history.counts), explain: explain)
  }

  /// The recommendation given the posterior fit to `history.counts` — for simulators that cache
  /// fits per count vector (the posterior depends on the counts only).
  public func recommend(_ history: TrialHistory, posterior fit: CRMPosterior, explain: Bool)
    -> Recommendation
  {
    let d = history.currentDose
    let best = fit.recommendedDose(target: target)
    func result(_ next: Int?, _ stop: StopReason?, _ eliminated: Int?, _ note: @autoclosure () -> String)
      -> Recommendation
    {
      Recommendation(
        decision: nil, nextDose: next, eliminatedFrom: eliminated, stop: stop,
        explanation: explain ? describe(fit) + [note()] : [])
    }
    if history.totalPatients >= maxSampleSize {
      return result(nil, .maxSampleSize, nil, "Stop: maximum sample size \(maxSampleSize) reached.")
    }
    if let threshold = safetyStopThreshold, history.counts[0].patients >= 3,
      fit.lowestDoseOverdoseProbability > threshold
    {
      return result(
        nil, .lowestDoseTooToxic, 0,
        "Stop: Pr(p1 > \(target)) = \(decimal(fit.lowestDoseOverdoseProbability)) > \(threshold); no MTD.")
    }
    var next = best
    if noSkipping && next > d + 1 { next = d + 1 }
    let incoherent = history.lastCohort.map {
      $0.patients > 0 && Double($0.dlts) >= target * Double($0.patients)
    }
    if coherence, incoherent == true, next > d { next = d }
    return result(
      next, nil, nil,
      "Closest estimate to the target: dose #\(best + 1) from the lowest"
        + (next == best ? "." : "; restricted to #\(next + 1) (no skipping / coherence)."))
  }

  public func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    reason == .lowestDoseTooToxic ? nil : posterior(history.counts).recommendedDose(target: target)
  }

  public func posteriorEstimates(_ counts: [DoseCounts]) -> [Double]? { posterior(counts).toxicity }

  /// The plug-in estimates at the posterior mean.
  public func selectionEstimates(_ counts: [DoseCounts]) -> [Double?] { posterior(counts).toxicity }

  /// One posterior fit per count vector, shared by every state with those counts.
  public func makeDecisionCache() -> (any DecisionCache)? { CRMDecisionCache(design: self) }

  /// ``selectMTD(_:stoppedBy:)`` given the posterior fit to the final counts.
  public func selectMTD(posterior fit: CRMPosterior, stoppedBy reason: StopReason) -> Int? {
    reason == .lowestDoseTooToxic ? nil : fit.recommendedDose(target: target)
  }

  func describe(_ fit: CRMPosterior) -> [String] {
    [
      "CRM posterior mean β = \(decimal(fit.betaMean)) (SD \(decimal(fit.betaStandardDeviation))).",
      "Plug-in DLT estimates, lowest dose first: " + fit.toxicity.map { decimal($0) }.joined(separator: " ")
        + "; target \(target).",
      "Pr(p1 > \(target) | data) = \(decimal(fit.lowestDoseOverdoseProbability)).",
    ]
  }
}
