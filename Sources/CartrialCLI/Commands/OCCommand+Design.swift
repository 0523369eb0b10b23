import DoseFinding

extension OCCommand {
  /// A design from DoseFinding's ``DesignSettings`` factory (names, defaults and checks live
  /// there); errors name the option, e.g. "--skeleton: expected 6 values (one per dose) …".
  static func makeDesign(
    name: String, variant: String?, target: Double, interval: (Double, Double)?,
    skeleton: [Double]?, doseCount: Int, cohortSize: Int, maxSampleSize: Int, startDose: Int
  ) throws -> any DoseFindingDesign {
    do {
      var settings = DesignSettings(
        kind: try DesignSettings.Kind(parsing: name), target: target, doseCount: doseCount,
        equivalenceInterval: interval.map { EquivalenceInterval(lower: $0.0, upper: $0.1) },
        cohortSize: cohortSize, maxSampleSize: maxSampleSize, startDose: startDose,
        skeleton: skeleton)
      if let variant {
        settings.threePlusThreeVariant = try ThreePlusThreeDesign.Variant(parsing: variant)
      }
      return try settings.makeDesign()
    } catch {
      let field = error.field == "start-dose" ? "start" : error.field
      throw CLIError("--\(field): expected \(error.expected), found \(error.found)")
    }
  }
}
