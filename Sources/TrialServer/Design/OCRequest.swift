import Foundation
import Inputs
import Simulation
import Trials

/// What `POST …/oc` and the design page's form ask: the scenario, and exact figures or a seeded
/// simulation of some trials, within the server's limits (an exact enumeration of at most
/// ``OperatingCharacteristicsCost/largeExactSampleSize`` patients; a simulation of at most
/// ``SimulationJobs/Limits/maxTrials`` trials and
/// ``OperatingCharacteristicsCost/largeSimulationPatients`` patient outcomes).
struct OCRequest: Sendable {
  enum Method: String, Sendable, CaseIterable, InputEnumeration {
    case exact, simulation
  }

  var truth: [Double]
  var method: Method
  var trials: Int?
  var seed: UInt64

  /// The fields the form and the body have besides the design overrides.
  static let fields = ["truth", "method", "trials", "seed"]

  /// Checks the request against `design` and the limits; errors name the field at fault.
  func check(_ design: TrialDesign, maxTrials: Int) throws(InputError) {
    try design.checkOperatingCharacteristics(truth: truth)
    let patients = design.design.maxSampleSize
    switch method {
    case .exact:
      if let trials {
        throw InputError(
          .conflict, field: "trials", expected: "no trials with method exact (only a simulation has them)",
          found: "\(trials)")
      }
      guard patients <= OperatingCharacteristicsCost.largeExactSampleSize else {
        throw InputError(
          .limitExceeded, field: "method",
          expected:
            "simulation for a trial of more than \(OperatingCharacteristicsCost.largeExactSampleSize) "
            + "patients (an exact enumeration of \(patients) takes too long for a request)",
          found: "exact")
      }
    case .simulation:
      guard let trials else {
        throw InputError.missing("trials", expected: "the number of trials to simulate (2 to \(maxTrials))")
      }
      let outcomes = OperatingCharacteristicsCost.simulatedPatients(trials: trials, maxSampleSize: patients)
      guard trials >= 2, trials <= maxTrials,
        outcomes <= Double(OperatingCharacteristicsCost.largeSimulationPatients)
      else {
        throw InputError(
          trials < 2 ? .invalidValue : .limitExceeded, field: "trials",
          expected:
            "2 to \(min(maxTrials, OperatingCharacteristicsCost.largeSimulationPatients / max(1, patients))) "
            + "trials (of up to \(patients) patients each)",
          found: "\(trials)")
      }
    }
  }

  /// The application layer's method for this request.
  var computation: OperatingCharacteristicsMethod {
    guard method == .simulation, let trials else { return .exact }
    return .simulation(MonteCarloSimulation(trials: trials, seed: seed, threads: Self.threads))
  }

  /// Simulation threads: every core but one, which the event loop keeps (results do not depend
  /// on the number of threads).
  static var threads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }
}
