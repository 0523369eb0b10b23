import DoseFinding

/// The designs of the reference files, by the name used in exact_oc_reference.json.
enum ReferenceDesigns {
  static func design(named name: String, doseCount: Int) throws -> (any DoseFindingDesign)? {
    let file: String
    switch name {
    case "boin": file = "boin_decisions_target0.3.csv"
    case "i3+3": file = "i3plus3_pT0.3_EI0.25-0.35.csv"
    case "mtpi2": file = "mtpi2_pT0.3_EI0.25-0.35.csv"
    default: return nil
    }
    return TableDrivenDesign(
      table: try ReferenceFixtures.decisionTable(file), doseCount: doseCount, cohorts: 10)
  }
}
