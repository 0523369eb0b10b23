import Foundation

/// Checks a decoded protocol for what decoding cannot see: ranges, ordering, units and references.
struct ProtocolValidator {
  let locator: YAMLLocator
  private typealias Step = YAMLLocator.Step

  func validate(_ trial: TrialProtocol) -> [ProtocolError] {
    var errors: [ProtocolError] = []
    func fail(_ steps: [Step], _ message: String) {
      errors.append(
        ProtocolError(
          location: locator.location(of: steps), path: YAMLLocator.render(steps), message: message))
    }

    if trial.id.range(of: #"^NCT[0-9]{8}$"#, options: .regularExpression) == nil {
      fail([.key("id")], "expected an NCT id (NCT followed by 8 digits), found '\(trial.id)'")
    }
    if trial.enrollment.target.value < 1 {
      fail(
        [.key("enrollment"), .key("target")],
        "expected at least 1 participant, found \(trial.enrollment.target.value)")
    }
    if let minimum = trial.enrollment.minimum, minimum > trial.enrollment.target.value {
      fail(
        [.key("enrollment"), .key("minimum")],
        "expected minimum ≤ target (\(trial.enrollment.target.value)), found \(minimum)")
    }
    checkAges(trial.ages, at: [.key("ages")], fail: fail)
    if trial.groups.isEmpty { fail([.key("groups")], "expected at least one group, found none") }
    var groupIds = Set<String>()
    for (g, group) in trial.groups.enumerated() {
      let at: [Step] = [.key("groups"), .index(g)]
      if !groupIds.insert(group.id.lowercased()).inserted {
        fail(at + [.key("id")], "duplicate group id '\(group.id)'")
      }
      validate(group, of: trial, at: at, fail: fail)
    }
    checkCriteria(trial.criteria, fail: fail)
    checkLymphodepletion(trial.lymphodepletion, fail: fail)
    var endpointIds = Set<String>()
    for (e, endpoint) in trial.endpoints.enumerated() where !endpointIds.insert(endpoint.id).inserted {
      fail([.key("endpoints"), .index(e), .key("id")], "duplicate endpoint id '\(endpoint.id)'")
    }
    return errors
  }

  private func checkAges(_ ages: AgeRange, at: [Step], fail: ([Step], String) -> Void) {
    if let lo = ages.minimum, lo < 0 {
      fail(at + [.key("minimum")], "expected an age ≥ 0 years, found \(lo)")
    }
    if let hi = ages.maximum, hi > 120 {
      fail(at + [.key("maximum")], "expected an age ≤ 120 years, found \(hi)")
    }
    if let lo = ages.minimum, let hi = ages.maximum, hi < lo {
      fail(
        at + [.key("maximum")],
        "expected maximum ≥ minimum (\(Quantity.format(lo))), found \(Quantity.format(hi))")
    }
  }

  private func validate(
    _ group: PopulationGroup, of trial: TrialProtocol, at: [Step], fail: ([Step], String) -> Void
  ) {
    checkAges(group.ages, at: at + [.key("ages")], fail: fail)
    if let lo = group.ages.minimum, let trialLo = trial.ages.minimum, lo < trialLo {
      fail(
        at + [.key("ages"), .key("minimum")],
        "group admits \(Quantity.format(lo)) years, below the trial's minimum age \(Quantity.format(trialLo))"
      )
    }
    if let hi = group.ages.maximum, let trialHi = trial.ages.maximum, hi > trialHi {
      fail(
        at + [.key("ages"), .key("maximum")],
        "group admits \(Quantity.format(hi)) years, above the trial's maximum age \(Quantity.format(trialHi))"
      )
    }
    checkDoseLevels(group.doseLevels, at: at + [.key("doseLevels")], fail: fail)
    if group.doseLevel(group.startingLevel.value) == nil {
      fail(
        at + [.key("startingLevel")],
        "expected one of the group's levels (\(group.orderedLevels.map(String.init).joined(separator: ", "))), found \(group.startingLevel.value)"
      )
    }
    checkDesign(group.design, levels: group.doseLevels.count, at: at + [.key("design")], fail: fail)
    if let rule = group.opensWhen {
      let ruleAt = at + [.key("opensWhen")]
      if let other = trial.groups.first(where: { $0.id.lowercased() == rule.afterGroup.lowercased() }) {
        if other.id == group.id { fail(ruleAt + [.key("afterGroup")], "a group cannot wait for itself") }
        if other.doseLevel(rule.clearedLevel) == nil {
          fail(ruleAt + [.key("clearedLevel")], "group \(other.id) has no level \(rule.clearedLevel)")
        }
      } else {
        fail(
          ruleAt + [.key("afterGroup")],
          "expected a group id (\(trial.groups.map(\.id).joined(separator: ", "))), found '\(rule.afterGroup)'"
        )
      }
    }
  }

  private func checkDoseLevels(_ levels: [DoseLevel], at: [Step], fail: ([Step], String) -> Void) {
    if levels.isEmpty { fail(at, "expected at least one dose level, found none") }
    for (i, level) in levels.enumerated() {
      let here = at + [.index(i)]
      if level.dose.unit != .cells && level.dose.unit != .cellsPerKg {
        fail(here + [.key("dose")], "expected a dose in cells or cells/kg, found \(level.dose.unit.rawValue)")
      }
      if !(level.dose.value > 0) {
        fail(here + [.key("dose")], "expected a positive dose, found \(level.dose)")
      }
      if let cap = level.maximumTotal {
        if cap.unit != .cells {
          fail(here + [.key("maximumTotal")], "expected a cap in total cells, found \(cap.unit.rawValue)")
        } else if level.dose.unit == .cells, cap.value < level.dose.value {
          fail(here + [.key("maximumTotal")], "cap \(cap) is below the flat dose \(level.dose)")
        }
      }
      guard i > 0 else { continue }
      let previous = levels[i - 1]
      if level.level <= previous.level {
        fail(
          here + [.key("level")],
          "expected level numbers in increasing order (after \(previous.level)), found \(level.level)")
      }
      if level.dose.unit == previous.dose.unit, level.dose.value <= previous.dose.value {
        fail(
          here + [.key("dose")],
          "expected doses strictly increasing within the group (above \(previous.dose)), found \(level.dose)")
      }
    }
  }

  private func checkDesign(
    _ design: DesignParameters, levels: Int, at: [Step], fail: ([Step], String) -> Void
  ) {
    let target = design.target.value
    if !(target > 0 && target < 1) {
      fail(
        at + [.key("target")],
        "expected a target DLT rate strictly between 0 and 1, found \(Quantity.format(target))")
    }
    if design.cohortSize.value < 1 {
      fail(at + [.key("cohortSize")], "expected a cohort size ≥ 1, found \(design.cohortSize.value)")
    }
    if design.maxSampleSize.value < design.cohortSize.value {
      fail(
        at + [.key("maxSampleSize")],
        "expected at least one cohort (≥ \(design.cohortSize.value)), found \(design.maxSampleSize.value)")
    }
    if design.dltWindowDays.value < 1 {
      fail(at + [.key("dltWindowDays")], "expected a DLT window ≥ 1 day, found \(design.dltWindowDays.value)")
    }
  }

  private func checkCriteria(_ criteria: Criteria, fail: ([Step], String) -> Void) {
    var seen = Set<String>()
    for (section, list, letter) in [
      ("inclusion", criteria.inclusion, "I"), ("exclusion", criteria.exclusion, "E"),
    ] {
      for (i, criterion) in list.enumerated() {
        let at: [Step] = [.key("criteria"), .key(section), .index(i), .key("id")]
        if criterion.id.range(of: "^\(letter)[0-9]+[a-z]?$", options: .regularExpression) == nil {
          fail(
            at,
            "expected an id like \(letter)1, \(letter)2 or \(letter)2a for an \(section) criterion, found '\(criterion.id)'"
          )
        }
        if !seen.insert(criterion.id).inserted { fail(at, "duplicate criterion id '\(criterion.id)'") }
        if criterion.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          fail(
            [.key("criteria"), .key(section), .index(i), .key("text")],
            "expected the registry text, found an empty string")
        }
      }
    }
  }

  private func checkLymphodepletion(_ regimen: Lymphodepletion?, fail: ([Step], String) -> Void) {
    guard let regimen else { return }
    for (i, agent) in regimen.agents.enumerated() {
      let at: [Step] = [.key("lymphodepletion"), .key("agents"), .index(i)]
      if agent.dailyDose.unit != .mgPerSquareMetre || !(agent.dailyDose.value > 0) {
        fail(at + [.key("dailyDose")], "expected a positive dose in mg/m², found \(agent.dailyDose)")
      }
      if agent.days.isEmpty || agent.days.contains(where: { $0 >= 0 }) {
        fail(
          at + [.key("days")],
          "expected days before infusion (negative, day 0 = infusion), found \(agent.days)")
      }
    }
  }
}
