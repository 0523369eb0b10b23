import RealModule

/// The Stein et al. 2019 expansion–contraction model of CAR-T cellular kinetics.
///
/// Stein AM et al. CPT Pharmacometrics Syst Pharmacol 2019;8:285–295:
/// exponential expansion C(t) = R₀·e^{ρt} up to Tmax (R₀ = Cmax/foldx, ρ = ln(foldx)/Tmax), then a
/// bi-exponential contraction C(t) = (1 − FB)·Cmax·e^{−α(t−Tmax)} + FB·Cmax·e^{−β(t−Tmax)}
/// (effector cells decline at α, a fraction FB becomes memory cells declining at β).
/// Times in days, levels in the assay's unit (e.g. copies/µg genomic DNA).
public struct SteinModel: Sendable, Hashable, Codable {
  /// Fold expansion Cmax/R₀.
  public var foldx: Double
  /// Time of the peak (days).
  public var tmax: Double
  /// Peak level.
  public var cmax: Double
  /// Contraction rate of effector cells (1/day).
  public var alpha: Double
  /// Decline rate of memory cells (1/day).
  public var beta: Double
  /// Fraction of the peak that becomes memory cells.
  public var fb: Double

  public init(foldx: Double, tmax: Double, cmax: Double, alpha: Double, beta: Double, fb: Double) {
    self.foldx = foldx
    self.tmax = tmax
    self.cmax = cmax
    self.alpha = alpha
    self.beta = beta
    self.fb = fb
  }

  /// The six parameters, by name.
  public enum Parameter: String, Sendable, Hashable, CaseIterable, Codable {
    case foldx, tmax, cmax, alpha, beta, fb

    /// How output writes it: foldx, Tmax, Cmax, α, β, FB.
    public var symbol: String {
      switch self {
      case .foldx: "foldx"
      case .tmax: "Tmax"
      case .cmax: "Cmax"
      case .alpha: "α"
      case .beta: "β"
      case .fb: "FB"
      }
    }

    /// The parameter's value in `model`.
    public func value(in model: SteinModel) -> Double {
      switch self {
      case .foldx: model.foldx
      case .tmax: model.tmax
      case .cmax: model.cmax
      case .alpha: model.alpha
      case .beta: model.beta
      case .fb: model.fb
      }
    }
  }

  /// Stein 2019 Table 1 typical values (tisagenlecleucel, qPCR copies/µg).
  public static let typical = SteinModel(
    foldx: 3900, tmax: 9.3, cmax: 24_000, alpha: 0.16, beta: 0.0032, fb: 0.0079)

  /// R₀ = Cmax/foldx, the level at infusion.
  public var initialLevel: Double { cmax / foldx }
  /// ρ = ln(foldx)/Tmax, the expansion rate (1/day).
  public var expansionRate: Double { Double.log(foldx) / tmax }

  /// The level at `time` days after infusion.
  public func concentration(at time: Double) -> Double {
    Double.exp(logConcentration(at: time))
  }

  /// ln C(t), computed without overflow.
  public func logConcentration(at time: Double) -> Double {
    LogForm(self).logConcentration(at: time)
  }

  /// The model's logarithms computed once, for evaluating ln C(t) at many times (a fit evaluates
  /// it thousands of times per subject); the same arithmetic as evaluating each time alone.
  struct LogForm {
    let model: SteinModel
    let logCmax: Double
    let logFoldx: Double
    let logEffectorFraction: Double
    let logMemoryFraction: Double

    init(_ model: SteinModel) {
      self.model = model
      logCmax = Double.log(model.cmax)
      logFoldx = Double.log(model.foldx)
      logEffectorFraction = Double.log(onePlus: -model.fb)
      logMemoryFraction = Double.log(model.fb)
    }

    func logConcentration(at time: Double) -> Double {
      if time < model.tmax {
        return logCmax - logFoldx * (1 - time / model.tmax)
      }
      let dt = time - model.tmax
      let effector = logEffectorFraction - model.alpha * dt
      let memory = logMemoryFraction - model.beta * dt
      let high = max(effector, memory)
      return logCmax + high + Double.log(Double.exp(effector - high) + Double.exp(memory - high))
    }
  }

  /// The exact AUC from 0 to `time` (Stein 2019: (Cmax − R₀)/ρ plus the integrals
  /// of both exponentials after Tmax).
  public func exactArea(to time: Double) -> Double {
    let rho = expansionRate
    let r0 = initialLevel
    if time <= tmax { return r0 * (Double.exp(rho * time) - 1) / rho }
    let dt = time - tmax
    return (cmax - r0) / rho + (1 - fb) * cmax * (1 - Double.exp(-alpha * dt)) / alpha
      + fb * cmax * (1 - Double.exp(-beta * dt)) / beta
  }
}
