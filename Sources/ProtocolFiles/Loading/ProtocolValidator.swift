import Foundation
import Inputs
import TrialModel

/// Checks a decoded protocol for what decoding cannot see: ranges, ordering, units and references.
///
/// Every problem is collected (not only the first), each as an ``InputError`` at the field's line
/// and column: out-of-range values are `.invalidValue`, dangling references (a starting level, a
/// group to wait for) `.notFound`, repeated ids `.conflict`.
struct ProtocolValidator {
  typealias Step = YAMLLocator.Step

  let locator: YAMLLocator
  private(set) var errors: [InputError] = []

  init(locator: YAMLLocator) { self.locator = locator }

  /// Records a problem with the field at `steps`.
  mutating func fail(
    _ steps: [Step], _ kind: InputError.Kind = .invalidValue, expected: String, found: String
  ) {
    errors.append(
      InputError(
        kind, field: YAMLLocator.render(steps), expected: expected, found: found,
        location: locator.location(of: steps)))
  }

  /// Every problem of `trial`.
  mutating func validate(_ trial: TrialProtocol) -> [InputError] {
    if trial.id.range(of: #"^NCT[0-9]{8}$"#, options: .regularExpression) == nil {
      fail([.key("id")], expected: "an NCT id (NCT followed by 8 digits)", found: "'\(trial.id)'")
    }
    if trial.enrollment.target.value < 1 {
      fail(
        [.key("enrollment"), .key("target")], expected: "at least 1 participant",
        found: "\(trial.enrollment.target.value)")
    }
    if let minimum = trial.enrollment.minimum, minimum > trial.enrollment.target.value {
      fail(
        [.key("enrollment"), .key("minimum")],
        expected: "minimum ≤ target (\(trial.enrollment.target.value))",
        found: "\(minimum)")
    }
    checkAges(trial.ages, at: [.key("ages")])
    if trial.groups.isEmpty { fail([.key("groups")], expected: "at least one group", found: "none") }
    var groupIds = Set<String>()
    for (g, group) in trial.groups.enumerated() {
      let at: [Step] = [.key("groups"), .index(g)]
      if !groupIds.insert(group.id.lowercased()).inserted {
        fail(
          at + [.key("id")], .conflict, expected: "a group id no other group has",
          found: "'\(group.id)', already used")
      }
      validate(group, of: trial, at: at)
    }
    checkCriteria(trial.criteria)
    checkLymphodepletion(trial.lymphodepletion)
    var endpointIds = Set<String>()
    for (e, endpoint) in trial.endpoints.enumerated() where !endpointIds.insert(endpoint.id).inserted {
      fail(
        [.key("endpoints"), .index(e), .key("id")], .conflict,
        expected: "an endpoint id no other endpoint has",
        found: "'\(endpoint.id)', already used")
    }
    return errors
  }

  private mutating func checkAges(_ ages: AgeRange, at: [Step]) {
    if let lo = ages.minimum, lo < 0 {
      fail(at + [.key("minimum")], expected: "an age ≥ 0 years", found: "\(lo)")
    }
    if let hi = ages.maximum, hi > 120 {
      fail(at + [.key("maximum")], expected: "an age ≤ 120 years", found: "\(hi)")
    }
    if let lo = ages.minimum, let hi = ages.maximum, hi < lo {
      fail(
        at + [.key("maximum")], expected: "maximum ≥ minimum (\(Quantity.format(lo)))",
        found: Quantity.format(hi))
    }
  }

  private mutating func validate(_ group: PopulationGroup, of trial: TrialProtocol, at: [Step]) {
    checkAges(group.ages, at: at + [.key("ages")])
    if let lo = group.ages.minimum, let trialLo = trial.ages.minimum, lo < trialLo {
      fail(
        at + [.key("ages"), .key("minimum")],
        expected: "an age ≥ the trial's minimum age \(Quantity.format(trialLo)) years",
        found: "\(Quantity.format(lo)) years")
    }
    if let hi = group.ages.maximum, let trialHi = trial.ages.maximum, hi > trialHi {
      fail(
        at + [.key("ages"), .key("maximum")],
        expected: "an age ≤ the trial's maximum age \(Quantity.format(trialHi)) years",
        found: "\(Quantity.format(hi)) years")
    }
    checkDoseLevels(group.doseLevels, at: at + [.key("doseLevels")])
    if group.doseLevel(group.startingLevel.value) == nil {
      fail(
        at + [.key("startingLevel")], .notFound,
        expected:
          "one of the group's levels (\(group.orderedLevels.map(String.init).joined(separator: ", ")))",
        found: "\(group.startingLevel.value)")
    }
    checkDesign(
      group.design, levels: group.orderedLevels, startingLevel: group.startingLevel.value,
      at: at + [.key("design")])
    if let rule = group.opensWhen {
      let ruleAt = at + [.key("opensWhen")]
      if let other = trial.groups.first(where: { $0.id.lowercased() == rule.afterGroup.lowercased() }) {
        if other.id == group.id {
          fail(
            ruleAt + [.key("afterGroup")], expected: "another group's id (a group cannot wait for itself)",
            found: "'\(rule.afterGroup)', this group")
        }
        if other.doseLevel(rule.clearedLevel) == nil {
          fail(
            ruleAt + [.key("clearedLevel")], .notFound,
            expected:
              "one of group \(other.id)'s levels (\(other.orderedLevels.map(String.init).joined(separator: ", ")))",
            found: "\(rule.clearedLevel)")
        }
      } else {
        fail(
          ruleAt + [.key("afterGroup")], .notFound,
          expected: "a group id (\(trial.groups.map(\.id).joined(separator: ", ")))",
          found: "'\(rule.afterGroup)'")
      }
    }
  }

  private mutating func checkDoseLevels(_ levels: [DoseLevel], at: [Step]) {
    if levels.isEmpty { fail(at, expected: "at least one dose level", found: "none") }
    for (i, level) in levels.enumerated() {
      let here = at + [.index(i)]
      if level.dose.unit != .cells && level.dose.unit != .cellsPerKg {
        fail(here + [.key("dose")], expected: "a dose in cells or cells/kg", found: level.dose.unit.rawValue)
      }
      if !(level.dose.value > 0) {
        fail(here + [.key("dose")], expected: "a positive dose", found: "\(level.dose)")
      }
      if let cap = level.maximumTotal {
        if cap.unit != .cells {
          fail(here + [.key("maximumTotal")], expected: "a cap in total cells", found: cap.unit.rawValue)
        } else if level.dose.unit == .cells, cap.value < level.dose.value {
          fail(
            here + [.key("maximumTotal")], expected: "a cap ≥ the flat dose \(level.dose)", found: "\(cap)")
        }
      }
      guard i > 0 else { continue }
      let previous = levels[i - 1]
      if level.level <= previous.level {
        fail(
          here + [.key("level")], expected: "level numbers in increasing order (after \(previous.level))",
          found: "\(level.level)")
      }
      if level.dose.unit == previous.dose.unit, level.dose.value <= previous.dose.value {
        fail(
          here + [.key("dose")],
          expected: "doses strictly increasing within the group (above \(previous.dose))",
          found: "\(level.dose)")
      }
    }
  }

  private mutating func checkCriteria(_ criteria: Criteria) {
    var seen = Set<String>()
    for (section, list, letter) in [
      ("inclusion", criteria.inclusion, "I"), ("exclusion", criteria.exclusion, "E"),
    ] {
      for (i, criterion) in list.enumerated() {
        let at: [Step] = [.key("criteria"), .key(section), .index(i), .key("id")]
        if criterion.id.range(of: "^\(letter)[0-9]+[a-z]?$", options: .regularExpression) == nil {
          fail(
            at, expected: "an id like \(letter)1, \(letter)2 or \(letter)2a for an \(section) criterion",
            found: "'\(criterion.id)'")
        }
        if !seen.insert(criterion.id).inserted {
          fail(
            at, .conflict, expected: "a criterion id no other criterion has",
            found: "'\(criterion.id)', already used")
        }
        if criterion.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          fail(
            [.key("criteria"), .key(section), .index(i), .key("text")], .missing,
            expected: "the registry text", found: "an empty string")
        }
      }
    }
  }

  private mutating func checkLymphodepletion(_ regimen: Lymphodepletion?) {
    guard let regimen else { return }
    for (i, agent) in regimen.agents.enumerated() {
      let at: [Step] = [.key("lymphodepletion"), .key("agents"), .index(i)]
      if agent.dailyDose.unit != .mgPerSquareMetre || !(agent.dailyDose.value > 0) {
        fail(at + [.key("dailyDose")], expected: "a positive dose in mg/m²", found: "\(agent.dailyDose)")
      }
      if agent.days.isEmpty || agent.days.contains(where: { $0 >= 0 }) {
        fail(
          at + [.key("days")], expected: "days before infusion (negative, day 0 = infusion)",
          found: "\(agent.days)")
      }
    }
  }
}
