import DoseFinding
import TestSupport

/// The designs of the reference files (target 0.3, cohorts of 3, 10 cohorts, EI [0.25, 0.35]), by
/// the name used in exact_oc_reference.json; `nil` for designs not yet available. CRM is only
/// built when its skeleton is given (it is slow in debug builds, so most loops leave it out).
enum ReferenceDesigns {
  static let interval = EquivalenceInterval(lower: 0.25, upper: 0.35)

  static func design(named name: String, doseCount k: Int, skeleton: [Double]? = nil)
    -> (any DoseFindingDesign)?
  {
    switch name {
    case "crm":
      // dfcrm crmsim: empiric model, prior variance 1.34, restrict = TRUE.
      skeleton.map { CRMDesign(skeleton: $0, target: 0.3, maxSampleSize: 30) }
    case "boin": BOINDesign(target: 0.3, doseCount: k, maxSampleSize: 30)
    case "i3+3": I3Plus3Design(target: 0.3, interval: interval, doseCount: k, maxSampleSize: 30)
    case "mtpi2": MTPI2Design(target: 0.3, interval: interval, doseCount: k, maxSampleSize: 30)
    case "3+3 (FIND variant: Korn de-escalation)": ThreePlusThreeDesign(doseCount: k, variant: .find)
    default: nil
    }
  }

  /// The test-only table-driven counterpart of an interval design (FIND 0.1.1 decision tables).
  static func tableDriven(named name: String, doseCount k: Int) throws -> TableDrivenDesign? {
    let file: String
    switch name {
    case "boin": file = "boin_decisions_target0.3.csv"
    case "i3+3": file = "i3plus3_pT0.3_EI0.25-0.35.csv"
    case "mtpi2": file = "mtpi2_pT0.3_EI0.25-0.35.csv"
    default: return nil
    }
    return TableDrivenDesign(
      table: try DecisionTableReference(file: file).byPatients, doseCount: k, cohorts: 10)
  }
}
