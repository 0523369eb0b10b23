import TrialModel

extension ProtocolValidator {
  /// Checks a group's design parameters (the checks formerly in TrialModel, moved unchanged; the
  /// design registry of `DoseFinding` is to replace them).
  mutating func checkDesign(_ design: DesignParameters, levels: Int, at: [Step]) {
    if DesignParameters.canonicalName(design.name) == nil {
      fail(
        at + [.key("name")], expected: "a design (\(DesignParameters.knownDesigns.joined(separator: ", ")))",
        found: "'\(design.name)'")
    }
    let target = design.target.value
    if !(target > 0 && target < 1) {
      fail(
        at + [.key("target")], expected: "a target DLT rate strictly between 0 and 1",
        found: Quantity.format(target))
    }
    if let interval = design.equivalenceInterval?.value {
      let here = at + [.key("equivalenceInterval")]
      if interval.count != 2 {
        fail(here, expected: "two numbers [low, high]", found: "\(interval.count)")
      } else if !(interval[0] > 0 && interval[0] < target && target < interval[1] && interval[1] < 1) {
        fail(
          here, expected: "0 < low < target (\(Quantity.format(target))) < high < 1",
          found: "[\(interval.map(Quantity.format).joined(separator: ", "))]")
      }
    }
    if design.cohortSize.value < 1 {
      fail(at + [.key("cohortSize")], expected: "a cohort size ≥ 1", found: "\(design.cohortSize.value)")
    }
    if design.maxSampleSize.value < design.cohortSize.value {
      fail(
        at + [.key("maxSampleSize")], expected: "at least one cohort (≥ \(design.cohortSize.value))",
        found: "\(design.maxSampleSize.value)")
    }
    if design.dltWindowDays.value < 1 {
      fail(
        at + [.key("dltWindowDays")], expected: "a DLT window ≥ 1 day", found: "\(design.dltWindowDays.value)"
      )
    }
    if let skeleton = design.skeleton {
      if skeleton.count != levels {
        fail(
          at + [.key("skeleton")], expected: "one prior DLT probability per dose level (\(levels))",
          found: "\(skeleton.count)")
      }
      if zip(skeleton, skeleton.dropFirst()).contains(where: { $0 >= $1 })
        || skeleton.contains(where: { !($0 > 0 && $0 < 1) })
      {
        fail(
          at + [.key("skeleton")], expected: "strictly increasing probabilities in (0, 1)",
          found: "\(skeleton)")
      }
    }
  }
}
