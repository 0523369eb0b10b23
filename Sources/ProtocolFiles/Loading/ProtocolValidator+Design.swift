import DoseFinding
import Inputs
import TrialModel

extension ProtocolValidator {
  /// Checks a group's design: the settings every design has here (so that every problem is
  /// reported), then the design's name and its own parameters against the design registry of
  /// `DoseFinding` — the same specification that builds the design — with each error placed at
  /// its key in the file.
  mutating func checkDesign(
    _ design: DesignParameters, levels: [Int], startingLevel: Int, at: [Step],
    registry: DesignRegistry = .standard
  ) {
    let target = design.target.value
    var commonValid = true
    func check(_ ok: Bool, _ key: String, _ expected: String, _ found: String) {
      guard !ok else { return }
      commonValid = false
      fail(at + [.key(key)], expected: expected, found: found)
    }
    check(
      target > 0 && target < 1, "target", "a target DLT rate strictly between 0 and 1",
      Quantity.format(target))
    check(design.cohortSize.value >= 1, "cohortSize", "a cohort size ≥ 1", "\(design.cohortSize.value)")
    check(
      design.maxSampleSize.value >= design.cohortSize.value, "maxSampleSize",
      "at least one cohort (≥ \(design.cohortSize.value))", "\(design.maxSampleSize.value)")
    check(
      design.dltWindowDays.value >= 1, "dltWindowDays", "a DLT window ≥ 1 day",
      "\(design.dltWindowDays.value)")
    let specification: any DesignSpecification
    do {
      specification = try registry.specification(named: design.name, field: "name")
    } catch {
      return fail(at + [.key("name")], error.kind, expected: error.expected, found: error.found)
    }
    guard commonValid, !levels.isEmpty else { return }
    let setup = DesignSetup(
      doseCount: levels.count, startDose: levels.firstIndex(of: startingLevel) ?? 0, target: target,
      cohortSize: design.cohortSize.value, maxSampleSize: design.maxSampleSize.value)
    do {
      _ = try DesignRegistry.makeDesign(
        specification, setup: setup, arguments: DesignArguments(design.settings.mapValues(\.value)))
    } catch {
      let key = String(error.field.prefix { $0 != "." && $0 != "[" })
      fail(at + [.key(key.isEmpty ? "name" : key)], error.kind, expected: error.expected, found: error.found)
    }
  }
}
