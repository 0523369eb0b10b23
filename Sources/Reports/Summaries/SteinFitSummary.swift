import Analysis
import Foundation

/// One subject's Stein 2019 expansion–contraction fit with its derived quantities; the answer of
/// `cartrial kinetics fit`.
public struct SteinFitSummary: Encodable, Sendable {
  /// The six model parameters (or their standard errors).
  public struct Parameters: Encodable, Sendable {
    public var foldx, tmax, cmax, alpha, beta, fb: Double

    public init(_ m: SteinModel) {
      (foldx, tmax, cmax, alpha, beta, fb) = (m.foldx, m.tmax, m.cmax, m.alpha, m.beta, m.fb)
    }
  }

  public var subject: String
  public var parameters: Parameters
  /// null when the information matrix is singular (a parameter is not identifiable).
  public var standardErrors: Nullable<Parameters>
  /// ρ = ln foldx / Tmax (1/day).
  public var expansionRate: Double
  /// ln 2 / ρ (days).
  public var doublingTime: Double
  /// ln 2 / α (days).
  public var contractionHalfLife: Double
  /// ln 2 / β (days).
  public var persistenceHalfLife: Double
  /// The model's exact AUC from day 0 to day 28 (the usual AUC0–28d; Mueller et al., Clin Cancer Res 2018).
  public var auc0to28: Double
  public var residualSD: Double
  public var points: Int
  public var converged: Bool

  public init(subject: String, fit: SteinModelFit) {
    let m = fit.model
    self.subject = subject
    parameters = Parameters(m)
    standardErrors = Nullable(fit.standardErrors.map(Parameters.init))
    expansionRate = m.expansionRate
    doublingTime = log(2) / m.expansionRate
    contractionHalfLife = log(2) / m.alpha
    persistenceHalfLife = log(2) / m.beta
    auc0to28 = m.exactArea(to: 28)
    residualSD = fit.residualSD
    points = fit.pointCount
    converged = fit.converged
  }
}
