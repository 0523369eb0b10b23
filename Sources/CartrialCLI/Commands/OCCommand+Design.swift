import ArgumentParser
import DoseFinding

/// The settings that define a design for `oc`, from the command line or a protocol group.
///
/// Interim factory: to be replaced by the DoseFinding module's own design-from-settings factory
/// once it exists (issue 3), so that the design names are parsed in one place.
struct OCDesignSettings {
  var name: String
  var variant: String?
  var target: Double
  var interval: (Double, Double)?
  var skeleton: [Double]?
  var doseCount: Int
  var cohortSize: Int
  var maxSampleSize: Int
  var startDose: Int

  /// The executable design.
  func make() throws -> any DoseFindingDesign {
    guard target > 0, target < 1 else {
      throw ValidationError("--target: expected a DLT rate in (0, 1), found \(target)")
    }
    guard startDose >= 0, startDose < doseCount else {
      throw ValidationError(
        "--start: expected a dose level between 1 and \(doseCount), found \(startDose + 1)")
    }
    let ei = interval.map { EquivalenceInterval(lower: $0.0, upper: $0.1) } ?? .around(target)
    switch name.lowercased().replacingOccurrences(of: " ", with: "") {
    case "boin":
      return BOINDesign(
        target: target, doseCount: doseCount, cohortSize: cohortSize, maxSampleSize: maxSampleSize,
        startDose: startDose)
    case "i3+3", "i3plus3":
      return I3Plus3Design(
        target: target, interval: ei, doseCount: doseCount, cohortSize: cohortSize,
        maxSampleSize: maxSampleSize, startDose: startDose)
    case "mtpi2", "mtpi-2":
      return MTPI2Design(
        target: target, interval: ei, doseCount: doseCount, cohortSize: cohortSize,
        maxSampleSize: maxSampleSize, startDose: startDose)
    case "3+3":
      guard cohortSize == 3 else {
        throw ValidationError("--cohort-size: 3+3 uses cohorts of 3, found \(cohortSize)")
      }
      let variants: [String: ThreePlusThreeDesign.Variant] = [
        "classic": .classic, "korn": .korn, "find": .find,
      ]
      guard let v = variants[(variant ?? "classic").lowercased()] else {
        throw ValidationError(
          "--variant: expected classic, korn or find for 3+3, found '\(variant ?? "")'")
      }
      return ThreePlusThreeDesign(
        doseCount: doseCount, variant: v, startDose: startDose, maxSampleSize: maxSampleSize)
    default:
      throw ValidationError(
        "--design: expected 3+3, i3+3, boin or mtpi2, found '\(name)'"
          + (name.lowercased() == "crm" ? " (CRM is not available to oc yet)" : ""))
    }
  }
}
