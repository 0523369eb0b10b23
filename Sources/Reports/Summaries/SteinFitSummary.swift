import Analysis
import Foundation

/// One subject's Stein 2019 expansion–contraction fit with its derived quantities; the answer of
/// `cartrial kinetics fit`. A parameter that the samples do not determine (``notIdentifiable``)
/// is null, as is every quantity derived from it: its estimate (e.g. β ≈ 1e-18/day, t½β ≈ 1e17
/// days) is an artefact of the optimiser, never a result.
public struct SteinFitSummary: Encodable, Sendable {
  /// The six model parameters (or their standard errors); null where not identifiable.
  public struct Parameters: Encodable, Sendable {
    public var foldx, tmax, cmax, alpha, beta, fb: Nullable<Double>

    /// The values of `m`, leaving out the parameters in `hidden`.
    public init(_ m: SteinModel, hiding hidden: [SteinModel.Parameter] = []) {
      func value(_ parameter: SteinModel.Parameter) -> Nullable<Double> {
        Nullable(hidden.contains(parameter) ? nil : parameter.value(in: m))
      }
      (foldx, tmax, cmax, alpha, beta, fb) = (
        value(.foldx), value(.tmax), value(.cmax), value(.alpha), value(.beta), value(.fb)
      )
    }

    /// The value of `parameter`, nil where hidden.
    public subscript(_ parameter: SteinModel.Parameter) -> Double? {
      switch parameter {
      case .foldx: foldx.value
      case .tmax: tmax.value
      case .cmax: cmax.value
      case .alpha: alpha.value
      case .beta: beta.value
      case .fb: fb.value
      }
    }
  }

  /// Which parameters the samples do not determine, and why.
  public struct NotIdentifiable: Encodable, Sendable {
    /// Parameter names as in `parameters` (empty: a combination of them).
    public var parameters: [String]
    public var reason: String
  }

  public var subject: String
  /// Whether every parameter is identifiable from the samples (a regular information matrix).
  public var identifiable: Bool
  /// null when ``identifiable``.
  public var notIdentifiable: Nullable<NotIdentifiable>
  public var parameters: Parameters
  /// null when the information matrix is singular (a parameter is not identifiable).
  public var standardErrors: Nullable<Parameters>
  /// ρ = ln foldx / Tmax (1/day).
  public var expansionRate: Nullable<Double>
  /// ln 2 / ρ (days).
  public var doublingTime: Nullable<Double>
  /// ln 2 / α (days).
  public var contractionHalfLife: Nullable<Double>
  /// ln 2 / β (days).
  public var persistenceHalfLife: Nullable<Double>
  /// The model's exact AUC from day 0 to day 28 (the usual AUC0–28d; Mueller et al., Clin Cancer Res 2018).
  public var auc0to28: Double
  public var residualSD: Double
  public var points: Int
  public var converged: Bool

  public init(subject: String, fit: SteinModelFit) {
    let m = fit.model
    let hidden = fit.nonIdentifiability?.parameters ?? []
    func unless(_ value: Double, dependsOn parameters: SteinModel.Parameter...) -> Nullable<Double> {
      Nullable(parameters.contains(where: hidden.contains) ? nil : value)
    }
    self.subject = subject
    identifiable = fit.nonIdentifiability == nil
    notIdentifiable = Nullable(
      fit.nonIdentifiability.map {
        NotIdentifiable(parameters: $0.parameters.map(\.rawValue), reason: $0.reason)
      })
    parameters = Parameters(m, hiding: hidden)
    standardErrors = Nullable(fit.standardErrors.map { Parameters($0) })
    expansionRate = unless(m.expansionRate, dependsOn: .foldx, .tmax)
    doublingTime = unless(log(2) / m.expansionRate, dependsOn: .foldx, .tmax)
    contractionHalfLife = unless(log(2) / m.alpha, dependsOn: .alpha)
    persistenceHalfLife = unless(log(2) / m.beta, dependsOn: .beta)
    auc0to28 = m.exactArea(to: 28)
    residualSD = fit.residualSD
    points = fit.pointCount
    converged = fit.converged
  }

  /// The columns of `--format csv`: the JSON keys, parameters and their SEs flattened.
  public static let csvKeys =
    ["subject", "identifiable", "notIdentifiable", "reason"]
    + SteinModel.Parameter.allCases.flatMap { [$0.rawValue, $0.rawValue + "SE"] }
    + [
      "expansionRate", "doublingTime", "contractionHalfLife", "persistenceHalfLife", "auc0to28", "residualSD",
      "points", "converged",
    ]

  /// The CSV fields, one per ``csvKeys`` entry; empty for null, parameter names joined by `;`.
  public var csvFields: [String] {
    func text(_ value: Double?) -> String { value.map { String($0) } ?? "" }
    let estimates = SteinModel.Parameter.allCases.flatMap {
      [text(parameters[$0]), text(standardErrors.value?[$0])]
    }
    return [
      subject, String(identifiable), notIdentifiable.value?.parameters.joined(separator: ";") ?? "",
      notIdentifiable.value?.reason ?? "",
    ] + estimates + [
      text(expansionRate.value), text(doublingTime.value), text(contractionHalfLife.value),
      text(persistenceHalfLife.value), text(auc0to28), text(residualSD), String(points), String(converged),
    ]
  }
}
